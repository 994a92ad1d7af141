"""The API's errors, always JSON: {"detail": "...", "parameter": "..."} (the parameter only for a 400)."""

import math

from rest_framework import exceptions, serializers
from rest_framework.views import exception_handler as drf_exception_handler


class BadParameter(exceptions.APIException):
    status_code = 400
    default_code = "bad_parameter"

    def __init__(self, parameter: str, reason: str):
        self.parameter = parameter
        super().__init__(f"Parameter '{parameter}' {reason}.")


class ErrorSerializer(serializers.Serializer):
    """An error: what went wrong, in English."""

    detail = serializers.CharField()


class BadParameterSerializer(ErrorSerializer):
    """A parameter was not accepted: which one, and why."""

    parameter = serializers.CharField()


def exception_handler(error, context):
    response = drf_exception_handler(error, context)
    if response is None:
        return None
    if isinstance(error, exceptions.Throttled):
        wait = max(math.ceil(error.wait or 1), 1)
        response["Retry-After"] = str(wait)
        response.data = {"detail": f"Too many requests: try again in {wait} seconds."}
        return response
    if isinstance(error, exceptions.NotFound):
        response.data = {"detail": "Not found."}
    if isinstance(error, BadParameter):
        response.data = {"detail": str(error.detail), "parameter": error.parameter}
    elif not isinstance(response.data, dict) or "detail" not in response.data:
        response.data = {"detail": str(response.data)}
    else:
        response.data = {"detail": str(response.data["detail"])}
    return response
