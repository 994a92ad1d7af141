"""Bulk import (dry run, then confirm) and export of an office's properties, and the blank template.

Between the dry run and the confirmation the uploaded file is kept in the shared private storage
(`storages["private"]`, under `imports/<uuid>`), never in a process's memory or on a local disk: any
app server can answer the confirmation. The confirmation form carries a signed, expiring token naming
that file, the office and the user; a token from someone else, for another office, or too old is
refused. Confirming reads the stored file again, plans again (the data may have changed) and writes
in one transaction; the file is then deleted.
"""

import uuid
from datetime import timedelta

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import DatabaseError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from network.models import Organisation

from .. import imports
from ..permissions import can_create_property, is_officer_of, officer_offices

TOKEN_SALT = "reuse_projects.property_import"
TOKEN_MAX_AGE = 60 * 60  # an hour to read the dry run and confirm
UPLOAD_FOLDER = "imports"
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV or Excel file"),
        help_text=gettext_lazy("UTF-8 CSV (comma or semicolon) or XLSX, first sheet; at most %(rows)s rows."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = self.fields["file"].help_text % {"rows": imports.max_rows()}
        self.fields["file"].widget.attrs["accept"] = ".csv,.xlsx,text/csv"

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > imports.max_bytes():
            # Read no further than needed to say so.
            raise ValidationError(
                _("The file is too large; the limit is %(limit)s MB.")
                % {"limit": round(imports.max_bytes() / 1024 / 1024, 1)}
            )
        data = upload.read()
        try:
            self.table = imports.read_table(data)
        except imports.ImportFileError as error:
            raise ValidationError(error.messages) from None
        self.data_bytes = data
        return upload


def _office(request):
    """The office named by ?office= (or the only one the user works for); 403 for anyone else."""
    slug = request.GET.get("office") or request.POST.get("office")
    if slug:
        office = Organisation.objects.amos().select_related("country").filter(slug=slug).first()
        if office is None or not is_officer_of(request.user, office):
            raise PermissionDenied
        return office
    offices = list(officer_offices(request.user).select_related("country"))
    if not offices:
        raise PermissionDenied
    return offices[0] if len(offices) == 1 else None  # several: the user chooses


def _choose_office(request):
    return render(request, "reuse_projects/imports/choose_office.html", {
        "offices": officer_offices(request.user),
    })


def _purge_stale() -> None:
    """Delete dry-run files nobody confirmed: by then their tokens have long expired."""
    storage = storages["private"]
    cutoff = timezone.now() - timedelta(seconds=TOKEN_MAX_AGE * 2)
    try:
        _folders, files = storage.listdir(UPLOAD_FOLDER)
        for name in files:
            path = f"{UPLOAD_FOLDER}/{name}"
            if storage.get_modified_time(path) < cutoff:
                storage.delete(path)
    except (FileNotFoundError, NotImplementedError, OSError):
        pass  # no folder yet, or a storage that cannot list: the files only cost space


def _store(data: bytes, *, office, user) -> str:
    _purge_stale()
    name = storages["private"].save(f"{UPLOAD_FOLDER}/{uuid.uuid4().hex}", ContentFile(data))
    return signing.dumps({"file": name, "office": office.pk, "user": user.pk}, salt=TOKEN_SALT, compress=True)


def _stored_file(token: str, *, office, user) -> str:
    try:
        payload = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:  # SignatureExpired is one
        raise ValidationError(_("This dry run has expired. Please upload the file again.")) from None
    if payload.get("office") != office.pk or payload.get("user") != user.pk:
        raise PermissionDenied
    name = payload["file"]
    if not name.startswith(f"{UPLOAD_FOLDER}/") or not storages["private"].exists(name):
        raise ValidationError(_("This dry run has expired. Please upload the file again."))
    return name


def _discard(name: str) -> None:
    try:
        storages["private"].delete(name)
    except OSError:
        pass


@login_required
@require_http_methods(["GET", "POST"])
def property_import(request):
    office = _office(request)
    if office is None:
        return _choose_office(request)
    if not can_create_property(request.user, office):
        raise PermissionDenied
    context = {"office": office, "columns": imports.COLUMNS, "required_columns": imports.REQUIRED_COLUMNS}

    if request.method == "POST" and "token" in request.POST:
        return _confirm(request, office, context)

    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        plan = imports.plan_import(form.table, amo=office)
        token = _store(form.data_bytes, office=office, user=request.user) if plan.writes else ""
        return render(request, "reuse_projects/imports/dry_run.html", {
            **context, "plan": plan, "totals": plan.totals, "token": token,
            "file_name": form.cleaned_data["file"].name,
        })
    return render(request, "reuse_projects/imports/upload.html", {**context, "form": form})


def _confirm(request, office, context):
    try:
        name = _stored_file(request.POST["token"], office=office, user=request.user)
        with storages["private"].open(name, "rb") as stored:
            data = stored.read()
        table = imports.read_table(data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(f"{reverse('reuse_projects:property_import')}?office={office.slug}")
    plan = imports.plan_import(table, amo=office)
    try:
        totals = imports.commit_import(plan, actor=request.user)
    except (ValidationError, DatabaseError):
        # Someone changed the office's properties between planning and writing: nothing was written.
        messages.error(request, _("Nothing was imported: the properties changed meanwhile. Please try again."))
        return redirect(f"{reverse('reuse_projects:property_import')}?office={office.slug}")
    _discard(name)
    messages.success(request, _(
        "Import done: %(create)s created, %(update)s updated, %(unchanged)s unchanged, %(reject)s rejected."
    ) % totals)
    return redirect(f"{reverse('reuse_projects:office_dashboard')}?office={office.slug}")


def _file_response(content: bytes, *, fmt: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def _render(rows, fmt):
    return imports.to_xlsx(rows) if fmt == "xlsx" else imports.to_csv(rows)


@login_required
@require_http_methods(["GET"])
def property_export(request):
    office = _office(request)
    if office is None:
        return _choose_office(request)
    fmt = request.GET.get("format", "csv")
    if fmt not in CONTENT_TYPES:
        fmt = "csv"
    name = f"properties-{office.slug}-{timezone.localdate().isoformat()}"
    return _file_response(_render(imports.export_rows(office), fmt), fmt=fmt, name=name)


@login_required
@require_http_methods(["GET"])
def property_import_template(request, format):
    if format not in CONTENT_TYPES:
        raise Http404
    office = _office(request)
    if office is None:
        offices = list(officer_offices(request.user).select_related("country")[:1])
        office = offices[0]  # the columns are the same for every office; the example town differs
    return _file_response(_render(imports.template_rows(office), format), fmt=format, name="properties-template")


urlpatterns = [
    path("office/import/", property_import, name="property_import"),
    path("office/export/", property_export, name="property_export"),
    path("office/import/template.<str:format>", property_import_template, name="property_import_template"),
]
