"""The hpc-course autograder: builds a lab, runs each graded test in its own limited process,
awards points from the lab's grading.toml and writes the results (console, JSON, JUnit, markdown,
GitHub Classroom, plots). Python 3 standard library only; matplotlib is optional (plots)."""
