"""A large, made-up archive for benchmarks and demos (`manage.py generate_archive`).

Everything here is deterministic: the same number of articles and the same seed give the same
rows. Generated rows are marked as such (outlets named "Generated …", URLs under
https://generated.example/), and pages compute nothing for them until viewed or refreshed.
"""
