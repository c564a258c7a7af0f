// The façade re-exports the value types and reports its API is made of, so the CLI and library users need
// only `import OmniAudit`.
@_exported import AuditModel
@_exported import Reconcile
@_exported import Report
@_exported import Mail
