"""The OpenAPI description: every operation lists the refusals it can give, so a client (and
schemathesis, tests/test_api_schema.py) knows a 400, 404 or 429 for an answer, not a fault."""

from typing import Any

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse

_TEXT = {"type": "string"}
_DETAIL = {"type": "object", "properties": {"detail": _TEXT}, "required": ["detail"]}

BAD_VALUE = OpenApiResponse(
    response={
        "type": "object",
        "additionalProperties": {"type": "array", "items": {"type": "string"}},
    },
    description="A bad query value: each parameter named with what was wrong with it.",
)
NOT_FOUND = OpenApiResponse(response=_DETAIL, description="No such public record.")
THROTTLED = OpenApiResponse(
    response=_DETAIL, description="Too many requests; `Retry-After` says how many seconds to wait."
)


class ArchiveSchema(AutoSchema):
    def get_response_serializers(self) -> Any:
        responses = {200: super().get_response_serializers(), 429: THROTTLED}
        if getattr(self.view, "action", None) == "list":
            if getattr(self.view, "filterset_class", None) or getattr(
                self.view, "pagination_class", None
            ):
                responses[400] = BAD_VALUE
        else:
            responses[404] = NOT_FOUND
        return responses
