"""A call's audit trail for its office: every recorded event in order, with the hashes that chain them,
as a page and as JSON anyone can re-hash with `calls.audit.entry_hash`."""

import json

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import path

from .. import permissions
from ..models import AuditEntry, Call

PAGE_SIZE = 100


def _call_for(request, pk) -> Call:
    call = get_object_or_404(Call.objects.select_related("amo__country"), pk=pk)
    if not permissions.can_view_audit(request.user, call):
        raise PermissionDenied
    return call


@login_required
def call_audit(request, pk):
    call = _call_for(request, pk)
    page = Paginator(AuditEntry.objects.filter(call_id=call.pk), PAGE_SIZE).get_page(request.GET.get("page"))
    entries = list(page.object_list)
    actors = get_user_model().objects.in_bulk({entry.actor_id for entry in entries if entry.actor_id})
    rows = [(entry, actors.get(entry.actor_id)) for entry in entries]
    return render(request, "calls/call_audit.html", {"call": call, "page": page, "rows": rows})


@login_required
def call_audit_export(request, pk):
    call = _call_for(request, pk)
    entries = [
        {
            # Full microseconds: DjangoJSONEncoder would cut them to milliseconds and change the hash.
            "position": entry.position, "created_at": entry.created_at.isoformat(timespec="microseconds"),
            "action": entry.action,
            "object_type": entry.object_type, "object_id": entry.object_id, "call_id": entry.call_id,
            "actor_id": entry.actor_id, "data": entry.data, "previous_hash": entry.previous_hash,
            "hash": entry.hash,
        }
        for entry in AuditEntry.objects.filter(call_id=call.pk).iterator(chunk_size=1000)
    ]
    response = HttpResponse(
        json.dumps({"call": call.pk, "entries": entries}, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="call-{call.pk}-audit.json"'
    response["Cache-Control"] = "private, no-store"
    return response


urlpatterns = [
    path("office/calls/<int:pk>/audit/", call_audit, name="call_audit"),
    path("office/calls/<int:pk>/audit.json", call_audit_export, name="call_audit_export"),
]
