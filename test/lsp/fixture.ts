/** The fixture workspace of the protocol tests: two linked SPECs, code, tests and a manifest. */
export const FILES: Readonly<Record<string, string>> = {
  '.moai/specs/SPEC-USER-001/spec.md': `---
id: USER-001
version: 0.1.0
status: active
created: 2025-10-01
updated: 2025-10-02
author: @Goos
priority: high
depends_on:
  - SPEC-AUTH-001
---

# @SPEC:USER-001: User registration

The system SHALL register users. POST /users

Chain: @API:USER-001
`,
  '.moai/specs/SPEC-AUTH-001/spec.md': `---
id: AUTH-001
version: 0.1.0
status: draft
created: 2025-10-01
updated: 2025-10-02
author: "dev"
priority: high
stack:
  backend:
    language: python
    framework: fastapi
    version: "0.100.0"
---

# @SPEC:AUTH-001: Login

The system SHALL authenticate users.
`,
  '.moai/specs/SPEC-PAY-001/spec.md': `---
id: PAY-001
version: 0.1.0
status: draft
created: 2025-10-01
updated: 2025-10-02
author: "dev"
priority: low
stack:
  backend:
    framework: hapi
---

# @SPEC:PAY-001: Payments
`,
  'src/user.py': `# @API:USER-001 | SPEC: .moai/specs/SPEC-USER-001/spec.md | TEST: tests/test_user.py
def register():
    pass

# @API:USER-002
def other():
    pass
`,
  'tests/test_user.py': `# @TEST:API-USER-001
def test_register():
    pass
`,
  'requirements.txt': 'fastapi==0.110.0\n',
  // Conventions the plan cites: a FastAPI router whose handler fails with HTTPException.
  'src/api.py': 'from fastapi import APIRouter, HTTPException\n\nrouter = APIRouter()\n\n\n@router.get("/users/{user_id}")\ndef read_user(user_id: int):\n    raise HTTPException(status_code=404, detail="User not found")\n',
};
