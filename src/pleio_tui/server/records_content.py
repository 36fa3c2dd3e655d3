"""The kinds of content beside blogs, as records of the shared blogs table: each
knows its subtype, its address on the site and what only it has (in `extra`)."""

from __future__ import annotations

from dataclasses import dataclass

from pleio_tui.server.records import SUBTYPE_RECORDS, BlogRecord
from pleio_tui.server.text import slugify


def _in_group(record: BlogRecord, own: str) -> str:
    if record.group_id is None:
        return own
    return f"/groups/view/{record.group_id}/{slugify(record.group_name or '')}{own}"


@dataclass(frozen=True, slots=True)
class DiscussionRecord(BlogRecord):
    subtype = "discussion"

    @property
    def url(self) -> str:
        return _in_group(self, f"/discussion/view/{self.guid}/{slugify(self.title)}")


@dataclass(frozen=True, slots=True)
class QuestionRecord(BlogRecord):
    subtype = "question"

    @property
    def url(self) -> str:
        return _in_group(self, f"/questions/view/{self.guid}/{slugify(self.title)}")

    @property
    def is_closed(self) -> bool:
        return bool(self.extra.get("is_closed"))

    @property
    def best_answer_id(self) -> str | None:
        answer = self.extra.get("best_answer")
        return answer if isinstance(answer, str) else None


@dataclass(frozen=True, slots=True)
class NewsRecord(BlogRecord):
    subtype = "news"

    @property
    def url(self) -> str:
        return _in_group(self, f"/news/view/{self.guid}/{slugify(self.title)}")


@dataclass(frozen=True, slots=True)
class EventRecord(BlogRecord):
    subtype = "event"

    @property
    def url(self) -> str:
        return _in_group(self, f"/events/view/{self.guid}/{slugify(self.title)}")

    @property
    def start_date(self) -> str | None:
        return self.extra.get("start_date")

    @property
    def end_date(self) -> str | None:
        return self.extra.get("end_date")

    @property
    def location(self) -> str | None:
        return self.extra.get("location")

    @property
    def location_link(self) -> str | None:
        return self.extra.get("location_link")

    @property
    def location_address(self) -> str | None:
        return self.extra.get("location_address")


@dataclass(frozen=True, slots=True)
class WikiRecord(BlogRecord):
    subtype = "wiki"

    @property
    def url(self) -> str:
        return _in_group(self, f"/wiki/view/{self.guid}/{slugify(self.title)}")

    @property
    def parent_id(self) -> str | None:
        return self.extra.get("parent")


@dataclass(frozen=True, slots=True)
class StatusUpdateRecord(BlogRecord):
    subtype = "statusupdate"

    @property
    def url(self) -> str:
        return _in_group(self, f"/update/view/{self.guid}")


@dataclass(frozen=True, slots=True)
class FileRecord(BlogRecord):
    subtype = "file"

    @property
    def url(self) -> str:
        return _in_group(self, f"/files/view/{self.guid}/{slugify(self.title)}")

    @property
    def download(self) -> str:
        return f"/file/download/{self.guid}/{slugify(self.title)}"

    @property
    def mime_type(self) -> str | None:
        return self.extra.get("mime_type")

    @property
    def size(self) -> int:
        return int(self.extra.get("size") or 0)

    @property
    def parent_folder_id(self) -> str | None:
        return self.extra.get("parent_folder")


@dataclass(frozen=True, slots=True)
class FolderRecord(BlogRecord):
    subtype = "folder"
    mime_type = None
    size = 0

    @property
    def url(self) -> str:
        return _in_group(self, f"/files/{self.guid}")

    @property
    def parent_folder_id(self) -> str | None:
        return self.extra.get("parent_folder")


CONTENT_RECORDS: tuple[type[BlogRecord], ...] = (
    DiscussionRecord,
    QuestionRecord,
    NewsRecord,
    EventRecord,
    WikiRecord,
    StatusUpdateRecord,
    FileRecord,
    FolderRecord,
)
SUBTYPE_RECORDS.update({record.subtype: record for record in CONTENT_RECORDS})
# Every subtype a listing may name, blogs included.
CONTENT_SUBTYPES: tuple[str, ...] = ("blog", *(record.subtype for record in CONTENT_RECORDS))
