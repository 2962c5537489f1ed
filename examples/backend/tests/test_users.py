# @TEST:API-USER-001 | SPEC: SPEC-USER-001.md
from fastapi.testclient import TestClient


def test_unknown_user_is_404(client: TestClient) -> None:
    response = client.get("/api/v1/users/999")
    assert response.status_code == 404
