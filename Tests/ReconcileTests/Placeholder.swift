// Placeholder so the declared test target has a source file; real tests live on their owners' branches.
import Testing
