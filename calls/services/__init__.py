"""Every write of the calls app: keyword-only functions named `<entity>_<action>`, each in one transaction,
each appended to the audit log, notifications queued on commit."""
