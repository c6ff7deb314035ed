"""The change history's tables (django-simple-history, articles/history.py) and the redirects
merged events leave behind.

The historical models' simple-history mixin (HistoricalChanges: diffing, reverting) is left
out of their bases here, so that this migration imports no code but Django's: a migration
never uses those methods, and Django does not compare bases when it checks for changes.
"""

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0014_content_versions_pagecache'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='EventRedirect',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('old_slug', models.SlugField(max_length=200, unique=True, verbose_name='old slug')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('event', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='redirects', to='articles.event', verbose_name='event')),
            ],
            options={
                'verbose_name': 'event redirect',
                'verbose_name_plural': 'event redirects',
                'ordering': ['old_slug'],
            },
        ),
        migrations.CreateModel(
            name='HistoricalAlignmentCorrection',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('fingerprint', models.CharField(max_length=64, validators=[django.core.validators.RegexValidator('^[0-9a-f]{64}$', 'Enter 64 lower-case hexadecimal digits.')], verbose_name='fingerprint')),
                ('versions', models.JSONField(default=list, verbose_name='versions')),
                ('rows', models.JSONField(default=list, verbose_name='rows')),
                ('note', models.TextField(blank=True, verbose_name='note')),
                ('stale', models.BooleanField(default=False, help_text='An article changed since the correction was made; it is not applied.', verbose_name='stale')),
                ('stale_reason', models.CharField(blank=True, max_length=300, verbose_name='why stale')),
                ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('edited_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='edited by')),
                ('event', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='articles.event', verbose_name='event')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical alignment correction',
                'verbose_name_plural': 'historical alignment corrections',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(models.Model,),
        ),
        migrations.CreateModel(
            name='HistoricalArticle',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('outlet_evidence', models.CharField(blank=True, help_text='What in the capture identifies the outlet.', max_length=300, verbose_name='outlet evidence')),
                ('title', models.CharField(max_length=500, verbose_name='title')),
                ('title_derived', models.BooleanField(default=False, help_text='The source has no title; this one was made from its first sentence.', verbose_name='title derived')),
                ('body', models.TextField(help_text='Plain text; paragraphs separated by a blank line.', verbose_name='body')),
                ('published_on', models.DateField(blank=True, help_text='Empty when the source does not say.', null=True, verbose_name='published on')),
                ('source_url', models.URLField(blank=True, max_length=2000, null=True, validators=[django.core.validators.URLValidator(schemes=['http', 'https'])], verbose_name='source URL')),
                ('byline', models.CharField(blank=True, max_length=300, verbose_name='byline')),
                ('body_sha256', models.CharField(editable=False, max_length=64, validators=[django.core.validators.RegexValidator('^[0-9a-f]{64}$', 'Enter 64 lower-case hexadecimal digits.')], verbose_name='body SHA-256')),
                ('status', models.CharField(choices=[('draft', 'draft'), ('published', 'published')], default='published', max_length=10, verbose_name='status')),
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('event', models.ForeignKey(blank=True, db_constraint=False, db_index=False, help_text='Leave empty to keep the article in the inbox.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='articles.event', verbose_name='event')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('language', models.ForeignKey(blank=True, db_constraint=False, db_index=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='articles.language', verbose_name='language')),
                ('outlet', models.ForeignKey(blank=True, db_constraint=False, db_index=False, help_text='Empty when the capture does not name its publisher.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='articles.outlet', verbose_name='outlet')),
                ('translation_of', models.ForeignKey(blank=True, db_constraint=False, db_index=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='articles.article', verbose_name='translation of')),
            ],
            options={
                'verbose_name': 'historical article',
                'verbose_name_plural': 'historical articles',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(models.Model,),
        ),
        migrations.CreateModel(
            name='HistoricalArticleImage',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('url', models.URLField(blank=True, help_text='Empty when the capture kept only the caption.', max_length=2000, validators=[django.core.validators.URLValidator(schemes=['http', 'https'])], verbose_name='URL')),
                ('caption', models.TextField(blank=True, verbose_name='caption')),
                ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('article', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='articles.article', verbose_name='article')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical article image',
                'verbose_name_plural': 'historical article images',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(models.Model,),
        ),
        migrations.CreateModel(
            name='HistoricalEvent',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('title', models.CharField(max_length=300, verbose_name='title')),
                ('slug', models.SlugField(max_length=200, verbose_name='slug')),
                ('summary', models.TextField(blank=True, verbose_name='summary')),
                ('date', models.DateField(help_text='When the happening took place.', verbose_name='date')),
                ('end_date', models.DateField(blank=True, null=True, verbose_name='end date')),
                ('place', models.CharField(blank=True, max_length=200, verbose_name='place')),
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical event',
                'verbose_name_plural': 'historical events',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(models.Model,),
        ),
        migrations.CreateModel(
            name='HistoricalEventRedirect',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('old_slug', models.SlugField(max_length=200, verbose_name='old slug')),
                ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('event', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='articles.event', verbose_name='event')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical event redirect',
                'verbose_name_plural': 'historical event redirects',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(models.Model,),
        ),
        migrations.CreateModel(
            name='HistoricalNameEntry',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('name', models.CharField(max_length=200, verbose_name='canonical name')),
                ('kind', models.CharField(choices=[('person', 'person'), ('place', 'place'), ('organisation', 'organisation')], max_length=20, verbose_name='kind')),
                ('slug', models.SlugField(max_length=200, verbose_name='slug')),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical name entry',
                'verbose_name_plural': 'historical name entries',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(models.Model,),
        ),
        migrations.CreateModel(
            name='HistoricalNameVariant',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('spelling', models.CharField(max_length=200, verbose_name='spelling')),
                ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='updated')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('entry', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='articles.nameentry', verbose_name='entry')),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('language', models.ForeignKey(blank=True, db_constraint=False, help_text='Empty when the spelling is used in any language.', null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='articles.language', verbose_name='language')),
            ],
            options={
                'verbose_name': 'historical name variant',
                'verbose_name_plural': 'historical name variants',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(models.Model,),
        ),
        migrations.CreateModel(
            name='HistoricalOutlet',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('name', models.CharField(db_index=True, max_length=200, verbose_name='name')),
                ('slug', models.SlugField(max_length=200, verbose_name='slug')),
                ('homepage', models.URLField(blank=True, max_length=500, validators=[django.core.validators.URLValidator(schemes=['http', 'https'])], verbose_name='homepage')),
                ('country', models.CharField(blank=True, max_length=100, verbose_name='country')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'historical outlet',
                'verbose_name_plural': 'historical outlets',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(models.Model,),
        ),
    ]
