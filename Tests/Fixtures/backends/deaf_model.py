"""Never reads stdin: once the pipe is full, weir's writes cannot go through."""
import time

while True:
    time.sleep(60)
