"""What the services stand on: settings, the database engine and migrations, keys, mail."""
