"""Stories and lessons learned: the CSOs of a project write them, network coordinators publish or reject them.

Members of the lead and partner CSOs write a post and follow it (waiting, published, or rejected with the
coordinator's note); coordinators work through the moderation queue. Access is decided by
`projects.permissions`; writes go through `projects.services.post_submit` and `post_moderate`, whose
refusals are shown on the form. Published posts appear on the project's public page.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Value, When
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from network.services import ActionRefused

from .. import permissions, services
from ..forms import ModerationForm, PostForm
from ..models import ProjectPost, ReuseProject

PAGE_SIZE = 25


def _project(request, pk) -> ReuseProject:
    """The project, or 404 for someone who may not know it exists (a project not yet or no longer public)."""
    project = get_object_or_404(
        ReuseProject.objects.select_related("organisation", "property__amo"), pk=pk
    )
    if not permissions.can_view_project(request.user, project):
        raise Http404
    return project


# The CSO's side -----------------------------------------------------------------------------------

@login_required
def post_create(request, pk):
    project = _project(request, pk)
    if not permissions.can_write_post(request.user, project):
        raise PermissionDenied
    language = getattr(request, "LANGUAGE_CODE", "")
    status = 200
    if request.method == "POST":
        form = PostForm(request.POST, language=language)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.post_submit(project=project, actor=request.user, kind=data["kind"], title=data["title"],
                                     body=data["body"], language=data["language"])
            except ActionRefused as refusal:
                form.add_error(None, str(refusal))
            else:
                messages.success(request, _("Thank you: your post will be published once a coordinator approves it."))
                return redirect("projects:post_list", pk=project.pk)
        status = 400
    else:
        form = PostForm(language=language)
    return render(request, "projects/posts/post_form.html", {"project": project, "form": form}, status=status)


@login_required
def post_list(request, pk):
    project = _project(request, pk)
    user = request.user
    if not (permissions.is_project_member(user, project) or permissions.can_moderate_posts(user)):
        raise PermissionDenied
    posts = project.posts.select_related("author").order_by("-created_at", "-pk")
    page = Paginator(posts, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "projects/posts/post_list.html", {
        "project": project,
        "page": page,
        "posts": page.object_list,
        "can_write": permissions.can_write_post(user, project),
        "can_moderate": permissions.can_moderate_posts(user),
    })


# The coordinators' side ---------------------------------------------------------------------------

def _require_moderator(request) -> None:
    if not permissions.can_moderate_posts(request.user):
        raise PermissionDenied


@login_required
def post_queue(request):
    _require_moderator(request)
    posts = (
        ProjectPost.objects.select_related("project__organisation", "author")
        .annotate(waiting=Case(When(status=ProjectPost.Status.PENDING, then=Value(0)), default=Value(1),
                               output_field=IntegerField()))
        .order_by("waiting", "created_at", "pk")
    )
    page = Paginator(posts, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "projects/posts/post_queue.html", {
        "page": page,
        "posts": page.object_list,
        "pending_count": ProjectPost.objects.filter(status=ProjectPost.Status.PENDING).count(),
    })


@login_required
def post_moderate(request, pk):
    _require_moderator(request)
    post = get_object_or_404(ProjectPost.objects.select_related("project__organisation", "author", "moderated_by"),
                             pk=pk)
    status = 200
    if request.method == "POST":
        form = ModerationForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            publish = data["decision"] == ModerationForm.PUBLISH
            try:
                services.post_moderate(post=post, actor=request.user, publish=publish, note=data["note"],
                                       featured=data["featured"])
            except ActionRefused as refusal:
                form.add_error(None, str(refusal))
            else:
                if publish:
                    messages.success(request, _("The post is published; its author has been told."))
                else:
                    messages.success(request, _("The post is not published; its author has been told why."))
                return redirect("projects:post_queue")
        status = 400
    else:
        form = ModerationForm(initial={"featured": post.featured, "note": post.moderation_note})
    return render(request, "projects/posts/post_moderate.html", {"post": post, "form": form}, status=status)


urlpatterns = [
    path("projects/<int:pk>/posts/", post_list, name="post_list"),
    path("projects/<int:pk>/posts/new/", post_create, name="post_create"),
    path("moderation/posts/", post_queue, name="post_queue"),
    path("moderation/posts/<int:pk>/", post_moderate, name="post_moderate"),
]
