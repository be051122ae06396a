"""The factcheck Textual app: one factory for the CLI and the tests."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from textual.app import App, SystemCommand
from textual.screen import Screen

from factcheck.session import DEFAULT_ACCEPT_THRESHOLD, Position, ReviewSession
from factcheck.tui.library import LibraryScreen
from factcheck.tui.review import ReviewScreen


class FactcheckApp(App[None]):
    """Opens on the review screen where the reviewer left off (or on ``start_article``)."""

    CSS_PATH = "app.tcss"
    TITLE = "factcheck"

    def __init__(
        self,
        session: ReviewSession,
        *,
        start_article: str | None = None,
        accept_threshold: float = DEFAULT_ACCEPT_THRESHOLD,
    ) -> None:
        super().__init__()
        self.session = session
        self.start_article = start_article
        self.accept_threshold = accept_threshold

    def on_mount(self) -> None:
        position = self._start_position()
        if position is None:
            self.push_screen(LibraryScreen(self.session))
            self.notify("No articles yet. Quit and run `factcheck import PATH`.", markup=False)
        else:
            self.push_screen(ReviewScreen(self.session, position, accept_threshold=self.accept_threshold))

    def _start_position(self) -> Position | None:
        if self.start_article is None:
            return self.session.resume()
        first = self.session.open(self.start_article).first_untagged()
        return Position(self.start_article, 0 if first is None else first)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The command palette offers every action of the screen's key bindings, by name."""
        yield from super().get_system_commands(screen)
        if isinstance(screen, ReviewScreen):
            for binding in screen.BINDINGS:
                keys = binding.key_display or binding.key
                yield SystemCommand(
                    (binding.tooltip or binding.description).capitalize(),
                    f"key: {keys}",
                    partial(screen.run_action, binding.action),
                )
