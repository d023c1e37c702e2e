"""What the pages about a person's rights share: their forms and the words for the access log.
The pages themselves live with their audience: ``web.candidate.rights`` (the person),
``web.people.rights`` (staff on the person's behalf), ``web.admin.rights`` (admins)."""
