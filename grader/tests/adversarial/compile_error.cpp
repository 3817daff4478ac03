// A half-finished file that does not compile: it must cost only its own items.
#error "half-finished: this file does not compile yet"
