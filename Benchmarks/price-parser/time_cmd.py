"""Runs `CMD < INPUT > OUTPUT` RUNS times; prints the best wall-clock and best CPU-time (user+sys) rates."""
import resource, subprocess, sys, time

runs, lines, input_path, output_path, cmd = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5:]
best_wall = best_cpu = 0.0
for _ in range(runs):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with open(input_path, "rb") as stdin, open(output_path, "wb") as stdout:
        subprocess.run(cmd, stdin=stdin, stdout=stdout, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    best_wall, best_cpu = max(best_wall, lines / wall), max(best_cpu, lines / cpu)
print(f"wall {int(best_wall)}\ncpu {int(best_cpu)}")
