#!/bin/sh
# Fails with a FINDING line when data.txt has fewer than 3 lines.
n=$(wc -l < "$1/data.txt")
if [ "$n" -lt 3 ]; then echo "FINDING TOO_FEW_ROWS data.txt:$n data.txt has $n rows, expected at least 3"; exit 1; fi
echo "WARNING LOOKS_OK - data.txt has $n rows"
