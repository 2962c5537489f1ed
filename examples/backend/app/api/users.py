# @API:USER-001 | SPEC: SPEC-USER-001.md | TEST: tests/test_users.py
"""User account routes."""
from fastapi import APIRouter, Depends, HTTPException, status

from app.db.models import User
from app.services.user_service import UserService, get_user_service

router = APIRouter(prefix="/api/v1/users", tags=["users"])


@router.post("", status_code=status.HTTP_201_CREATED)
def create_user(payload: dict, service: UserService = Depends(get_user_service)) -> dict:
    return service.create(payload)


@router.get("/{user_id}")
def read_user(user_id: int, service: UserService = Depends(get_user_service)) -> dict:
    user = service.find(user_id)
    if user is None:
        raise HTTPException(status_code=404, detail={"error": "user not found"})
    return user


# @API:USRE-001 profile photo upload (typo in the SPEC ID: SpecChain flags it)
@router.put("/{user_id}/photo")
def upload_photo(user_id: int) -> dict:
    return {"id": user_id}
