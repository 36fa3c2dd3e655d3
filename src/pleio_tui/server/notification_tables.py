"""The site's tables of notifications and of who hears of group activity."""

from __future__ import annotations

# Appended to the site's migrations; IF NOT EXISTS keeps it safe in any order.
MIGRATION = """
CREATE TABLE IF NOT EXISTS notifications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    recipient_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL,
    verb TEXT NOT NULL,
    entity_id TEXT,
    created_at TEXT NOT NULL,
    unread INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS notifications_by_recipient
    ON notifications(recipient_id, created_at);
CREATE INDEX IF NOT EXISTS notifications_by_entity ON notifications(entity_id);
CREATE TABLE IF NOT EXISTS group_auto_notification (
    group_id TEXT PRIMARY KEY REFERENCES groups(id) ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS group_notification_members (
    group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
);
"""
