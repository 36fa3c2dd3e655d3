"""The inbox of notifications and marking read, in Dutch and English. Merged into
the tables of `i18n`; plain text, never markup ({who} and {what} are remote text,
inserted, never parsed)."""

from __future__ import annotations

NL_INBOX: dict[str, str] = {
    "key.app.inbox": "Meldingen",
    "key.app.mark_read": "Markeer als gelezen (groep; in de groepenlijst: alles)",
    "inbox.title": "Meldingen",
    "inbox.hint": "{open} openen · {all} alles gelezen · {close} sluiten",
    "empty.inbox": "Geen meldingen. Synchroniseer (r) om nieuwe op te halen.",
    "inbox.commented": "{who} reageerde op {what}",
    "inbox.mentioned": "{who} noemde je in {what}",
    "inbox.created": "{who} plaatste {what}",
    "inbox.welcome": "Welkom op de site",
    "inbox.other": "{who}: {what}",
    "inbox.unread": "nieuw",
    "status.notifications": "✉ {n}",
    "notice.new_notifications.one": "1 nieuwe melding (i)",
    "notice.new_notifications.other": "{n} nieuwe meldingen (i)",
    "notice.notifications_read": "Alle meldingen gelezen.",
    "notice.item_not_cached": "Dit staat (nog) niet in de cache: synchroniseer eerst.",
    "notice.group_read": "Alles in {group} gelezen.",
    "notice.everything_read": "Alles gelezen.",
    "outbox.kind.notification_read": "Gelezen",
}

EN_INBOX: dict[str, str] = {
    "key.app.inbox": "Notifications",
    "key.app.mark_read": "Mark read (the group; in the group list: everything)",
    "inbox.title": "Notifications",
    "inbox.hint": "{open} open · {all} all read · {close} close",
    "empty.inbox": "No notifications. Sync (r) to fetch new ones.",
    "inbox.commented": "{who} commented on {what}",
    "inbox.mentioned": "{who} mentioned you in {what}",
    "inbox.created": "{who} posted {what}",
    "inbox.welcome": "Welcome to the site",
    "inbox.other": "{who} ({what})",
    "inbox.unread": "new",
    "status.notifications": "✉ {n}",
    "notice.new_notifications.one": "1 new notification (i)",
    "notice.new_notifications.other": "{n} new notifications (i)",
    "notice.notifications_read": "All notifications read.",
    "notice.item_not_cached": "This is not in the cache (yet): sync first.",
    "notice.group_read": "Everything in {group} read.",
    "notice.everything_read": "Everything read.",
    "outbox.kind.notification_read": "Read mark",
}
