"""Answers every request; for an id starting with 'big' the answer line is longer than sys.argv[1]
bytes (a huge metadata string), written in pieces like a real program's output."""
import json, sys

size = int(sys.argv[1])
for line in sys.stdin:
    request = json.loads(line)
    if request["id"].startswith("big"):
        sys.stdout.write('{"id": "' + request["id"] + '", "metadata": {"pad": "')
        for _ in range(size // 4096 + 1):
            sys.stdout.write("x" * 4096)
        sys.stdout.write('"}}\n')
    else:
        sys.stdout.write(json.dumps({"id": request["id"], "concepts": [{"id": "cat", "value": 0.9}]}) + "\n")
    sys.stdout.flush()
