"""Answers, ignores SIGTERM, and keeps running after stdin closes: shutdown must still stop it."""
import json, signal, sys, time

signal.signal(signal.SIGTERM, signal.SIG_IGN)
for line in sys.stdin:
    request = json.loads(line)
    print(json.dumps({"id": request["id"], "concepts": [{"id": "cat", "value": 0.9}]}), flush=True)
while True:
    time.sleep(60)
