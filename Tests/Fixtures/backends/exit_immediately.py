"""Fails at start-up, before reading any request."""
import sys

sys.stderr.write("error: cannot load weights from 'missing.pt'\n")
sys.exit(3)
