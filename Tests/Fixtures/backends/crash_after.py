"""Answers N requests (argv[1]), then crashes on the next one."""
import json, os, sys

limit = int(sys.argv[1])
answered = 0
for line in sys.stdin:
    request = json.loads(line)
    if answered == limit:
        sys.stderr.write("Traceback (most recent call last):\n")
        sys.stderr.write('  File "crash_after.py", line 12, in <module>\n')
        sys.stderr.write("RuntimeError: out of GPU memory on " + request["id"] + "\n")
        sys.stderr.flush()
        sys.exit(1)
    answered += 1
    print(json.dumps({"id": request["id"], "concepts": [{"id": "cat", "value": 0.9}],
                      "metadata": {"pid": os.getpid()}}), flush=True)
