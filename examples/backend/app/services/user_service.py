# @SERVICE:USER-001
"""Business rules for user accounts."""
from app.db.models import User


class UserService:
    def __init__(self, session) -> None:
        self.session = session

    def create(self, payload: dict) -> dict:
        user = User(email=payload["email"], name=payload.get("name", ""))
        self.session.add(user)
        self.session.commit()
        return {"id": user.id, "email": user.email}

    def find(self, user_id: int):
        return self.session.get(User, user_id)


def get_user_service() -> UserService:
    raise NotImplementedError("wired in app.main")
