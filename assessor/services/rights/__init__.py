"""The person's rights: their data as a file, who read it, erasure and restriction on request,
and the retention rules that remove what is kept too long. Who may do what is the access
policy's (``assessor.services.policy``); this package does it and logs it.
"""
