from django.core.management.base import BaseCommand

from articles.models import Article
from articles.names.linking import link_article_names
from articles.names.matching import current_matcher


class Command(BaseCommand):
    help = "Refresh every article's links to the name register (after editing the register)."

    def handle(self, *args, **options) -> None:
        matcher = current_matcher()
        articles = Article.objects.only("pk", "title", "body", "language_id").order_by("pk")
        total = articles.count()
        linked = 0
        for done, article in enumerate(articles.iterator(chunk_size=200), start=1):
            linked += link_article_names(article, matcher=matcher)
            if done % 500 == 0:
                self.stdout.write(f"{done}/{total} articles")
        self.stdout.write(self.style.SUCCESS(f"Linked {linked} names in {total} articles."))
