"""How generated rows are told apart from real ones, by an operator and by the command."""

from django.db.models import Q

# example.com's sibling names are reserved for documentation (RFC 2606): never a real outlet.
GENERATED_SITE = "https://generated.example"
GENERATED_NAME = "Generated"  # the outlets' name prefix
GENERATED_SLUG = "generated-"  # the events' and outlets' slug prefix
EVIDENCE = "Generated data (manage.py generate_archive), not a capture"


def generated_articles() -> Q:
    return Q(source_url__startswith=f"{GENERATED_SITE}/")


def generated_events() -> Q:
    return Q(slug__startswith=GENERATED_SLUG)


def generated_outlets() -> Q:
    return Q(slug__startswith=GENERATED_SLUG)
