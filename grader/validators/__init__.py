"""Validators written from each platform's published contract, independent of the adapters that
write the formats (grader/adapters.py, grader/classroom.py, grader/reports.py), so the self-test
can catch an adapter that drifts from what the platform accepts. Each returns a list of problems,
empty when the document is accepted.

  classroom50    foundation50/classroom50: runner.py validate_result, schemas/result-v1.schema.json
  gradescope     gradescope/autograder_samples docs/specs.md (results.json)
  prairielearn   PrairieLearn docs/externalGrading.md (/grade/results/results.json)
  autolab        Autolab docs/lab.md ("Writing Autograders": the autoresult line)
  junit          the junit-4 XSD used by Jenkins and most CI JUnit publishers
  github_classroom  classroom-resources/autograding-grading-reporter (legacy payload, version 1)
"""
