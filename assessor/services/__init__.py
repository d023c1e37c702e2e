"""Named operations that read and write through a session: submit, consent, invite, grade,
report. Each asks the one access policy (``services.policy``) who may do it."""
