"""Who may reach what: every URL the site has, and every admin action, for an anonymous
reader, an editor (the Editors group, as `dev_accounts` makes one) and an administrator;
CSRF on every URL; `next=` never leads off the site after signing in.

The URLs come from Django's resolver (tests/site_urls.py): a URL added later is in the
matrix at once, and an admin page's expected answer follows from the permissions the
Editors group holds (migration 0010), so the test proves the admin enforces them.
"""

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.contrib.auth.models import AnonymousUser, Group, User
from django.test import Client, RequestFactory
from django.urls import resolve

from articles.models import Article, ArticleImage, Capture, Event, EventAlignment, NameVariant
from articles.views.language import set_language
from tests.site_urls import SiteURL, load_seed_archive, site_urls

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password-1"
ROLES = ["anonymous", "editor", "administrator"]

# Pages every role gets alike: the public site answers everyone.
PUBLIC = {
    "set_language": 302,  # GET only redirects back; the switcher POSTs.
    "articles:event-export-tmx": 400,  # without the pair of languages, which the answer names
}
# Admin pages whose answer does not follow from a model permission, for a signed-in user.
SIGNED_IN = {
    "admin:login": 302,  # already signed in: on to the index
    "admin:logout": 405,  # signing out takes a POST
    "admin:autocomplete": 403,  # without a field to complete
    "admin:view_on_site": 302,
    "admin:articles_article_accept_proposal": 405,  # POST only
}
ANONYMOUS = {"admin:login": 200}
# Rows only the importer, the aligner and the login throttle write, and rows added only in
# their parent's form (images, spellings): no add page of their own.
NEVER_ADDED = {Capture, EventAlignment, AccessAttempt, AccessLog, AccessFailureLog,
               ArticleImage, NameVariant}  # fmt: skip


def make_user(role: str) -> User | None:
    if role == "anonymous":
        return None
    if role == "administrator":
        return User.objects.create_superuser("admin", password=PASSWORD)
    editor = User.objects.create_user("editor", password=PASSWORD, is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    return editor


def may(user: User, model, *actions: str) -> bool:
    opts = model._meta
    return any(user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}") for action in actions)


def expected_status(url: SiteURL, user: User | None) -> int:
    if url.public:
        return PUBLIC.get(url.name, 200)
    if user is None:
        return ANONYMOUS.get(url.name, 302)
    if url.name in SIGNED_IN:
        return SIGNED_IN[url.name]
    return 200 if allowed(url, user) else (404 if url.name == "admin:app_list" else 403)


def allowed(url: SiteURL, user: User) -> bool:
    if url.model is not None:
        return {
            "add": url.model not in NEVER_ADDED and may(user, url.model, "add"),
            "delete": may(user, url.model, "delete"),
        }.get(url.action, may(user, url.model, "view", "change"))
    if url.name == "admin:app_list":
        label = url.path.strip("/").split("/")[-1]
        return user.has_module_perms(label)
    if url.name == "admin:articles_article_import":
        return may(user, Article, "add")
    if url.name in {"admin:articles_capture_text", "admin:articles_capture_download"}:
        return may(user, Capture, "view")
    if url.name == "admin:articles_event_preview":
        return may(user, Event, "view", "change") and may(user, Article, "view", "change")
    if url.name == "admin:auth_user_password_change":
        return may(user, User, "change")
    return True  # the index, password change: any staff member


@pytest.mark.parametrize("role", ROLES)
def test_every_url_answers_each_role_as_its_permissions_say(client, role):
    load_seed_archive()
    user = make_user(role)
    if user is not None:
        client.force_login(user)
    wrong = []
    for url in site_urls():
        response = client.get(url.path)
        if response.status_code != expected_status(url, user):
            wrong.append((url.path, response.status_code, expected_status(url, user)))
        if response.status_code == 302 and not url.public and user is None:
            # Signing out when not signed in goes to the index, which asks to sign in.
            login = "/admin/" if url.name == "admin:logout" else "/admin/login/?next="
            assert response["Location"].startswith(login), url.path
    assert wrong == []


def test_the_editor_matrix_keeps_editors_to_the_content(client):
    """The facts the derived matrix rests on, written out: an editor keeps the content, never
    the accounts, the login records or the deletion of articles and events."""
    load_seed_archive()
    client.force_login(make_user("editor"))
    statuses = {url.name: client.get(url.path).status_code for url in site_urls()}
    for model in ["auth_user", "auth_group", "axes_accessattempt"]:
        assert statuses[f"admin:{model}_changelist"] == 403, model
    assert statuses["admin:auth_user_password_change"] == 403
    assert statuses["admin:articles_article_delete"] == 403
    assert statuses["admin:articles_event_delete"] == 403
    assert statuses["admin:articles_nameentry_delete"] == 200  # the register is theirs
    assert statuses["admin:articles_article_import"] == 200
    assert statuses["admin:articles_article_change"] == 200


# Every action of every ModelAdmin, per role: what the changelist offers.
ARTICLE_ACTIONS = {"accept_proposed_event", "assign_event", "publish", "unpublish",
                   "split_into_new_event"}  # fmt: skip
EDITOR_ACTIONS = {
    "article": ARTICLE_ACTIONS,
    "event": {"merge_selected_events"},
    "nameentry": {"delete_selected"},
    "namevariant": {"delete_selected"},
    "articleimage": {"delete_selected"},
    "alignmentcorrection": {"delete_selected"},
    "eventalignment": {"recompute"},
}
ADMIN_ACTIONS = {
    "article": {"delete_selected", *ARTICLE_ACTIONS},
    "event": {"delete_selected", "merge_selected_events"},
    "eventalignment": {"delete_selected", "recompute"},
    "accessattempt": {"delete_selected", "cleanup_expired_attempts"},
}


@pytest.mark.parametrize("role", ["editor", "administrator"])
def test_every_admin_action_is_offered_only_to_those_allowed(role):
    user = make_user(role)
    request = RequestFactory().get("/admin/")
    request.user = user
    table = EDITOR_ACTIONS if role == "editor" else ADMIN_ACTIONS
    for model, model_admin in admin.site._registry.items():
        if not model_admin.has_view_or_change_permission(request):
            continue  # no changelist, so no action either (the matrix above: 403)
        offered = set(model_admin.get_actions(request))
        if role == "editor":
            wanted = table.get(model._meta.model_name, set())
        else:
            wanted = table.get(model._meta.model_name, {"delete_selected"})
        assert offered == wanted, model


def test_an_action_not_offered_does_nothing_when_posted(client):
    load_seed_archive()
    client.force_login(make_user("editor"))
    article = Article.objects.first()
    response = client.post(
        "/admin/articles/article/", {"action": "delete_selected", "_selected_action": [article.pk]}
    )
    assert response.status_code == 302
    assert Article.objects.filter(pk=article.pk).exists()


def test_anonymous_readers_reach_no_changelist_and_so_no_action():
    request = RequestFactory().get("/admin/")
    request.user = AnonymousUser()
    assert not any(a.has_view_or_change_permission(request) for a in admin.site._registry.values())


@pytest.mark.parametrize("role", ROLES)
def test_every_url_refuses_a_post_without_a_csrf_token(role):
    load_seed_archive()
    client = Client(enforce_csrf_checks=True)
    user = make_user(role)
    if user is not None:
        client.force_login(user)
    answers = {url.path: client.post(url.path, {"x": "1"}).status_code for url in site_urls()}
    wrong = {(path, status) for path, status in answers.items() if status != refused(path, user)}
    assert wrong == set()


def refused(path: str, user: User | None) -> int:
    """403 from the CSRF check; a view exempt from it must refuse the POST itself. A
    read-only API view: 405, nothing changed; the API checks CSRF itself for a request with a
    session (REST framework's session authentication), so a signed-in user gets 403. The
    language switcher checks where the POST came from, and this one says nothing: 403."""
    view = resolve(path).func
    exempt = getattr(view, "csrf_exempt", False)
    return 405 if exempt and user is None and view is not set_language else 403


def test_a_post_with_the_token_gets_through(client):
    """The refusal above is the missing token, not the POST: the same form with it works."""
    csrf_client = Client(enforce_csrf_checks=True)
    user = make_user("editor")
    csrf_client.force_login(user)
    page = csrf_client.get("/admin/password_change/")
    token = page.context["csrf_token"]
    response = csrf_client.post(
        "/admin/password_change/",
        {"csrfmiddlewaretoken": token, "old_password": PASSWORD,
         "new_password1": "another-long-password-2", "new_password2": "another-long-password-2"},
    )  # fmt: skip
    assert response.status_code == 302


OFF_SITE = [
    "https://evil.example/",
    "//evil.example/",
    "https:evil.example",
    "http:\\\\evil.example",
    "/\\evil.example",
    "javascript:alert(1)",
]


@pytest.mark.parametrize("target", OFF_SITE)
def test_signing_in_never_follows_next_off_the_site(client, target):
    make_user("editor")
    response = client.post(
        "/admin/login/?next=" + target, {"username": "editor", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


@pytest.mark.parametrize("target", OFF_SITE)
def test_the_login_form_ignores_a_next_field_off_the_site(client, target):
    make_user("editor")
    response = client.post(
        "/admin/login/", {"username": "editor", "password": PASSWORD, "next": target}
    )
    assert response["Location"] == "/admin/"


def test_signing_in_follows_next_on_the_site(client):
    make_user("editor")
    response = client.post(
        "/admin/login/?next=/admin/articles/article/", {"username": "editor", "password": PASSWORD}
    )
    assert response["Location"] == "/admin/articles/article/"


@pytest.mark.parametrize("target", OFF_SITE)
def test_the_language_switcher_never_sends_a_reader_off_the_site(client, target):
    response = client.post("/i18n/setlang/", {"language": "sv", "next": target})
    assert response.status_code == 302
    assert response["Location"] == "/"
