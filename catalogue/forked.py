"""One function over many items on every core, the calling process included.

The children are forked, so they inherit the items and nothing is sent to them; each sends back
only its results, one message of bytes per chunk, encoded as the caller chooses (pickle unless
told otherwise). Work is handed out in chunks from a shared counter, so a core
that another program keeps busy simply takes fewer chunks. A child that fails is not fatal: the
chunks it took are done again in the calling process, where any error is raised as usual.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:  # multiprocessing is imported only when there is work to share: small runs start faster
    from multiprocessing.connection import Connection

T = TypeVar("T")
R = TypeVar("R")


def available() -> bool:
    """Forking is how the children share the items: without it, work in one process."""
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def map_forked(func: Callable[[T], R], items: Sequence[T], children: int, chunk: int,
               encode: Callable[[list[R]], bytes] = pickle.dumps,
               decode: Callable[[bytes], list[R]] = pickle.loads) -> list[R]:
    """[func(item) for item in items], on this process and `children` forked ones."""
    import multiprocessing

    chunks = [range(start, min(start + chunk, len(items))) for start in range(0, len(items), chunk)]
    context = multiprocessing.get_context("fork")
    taken = context.Value("l", 0)  # the number of chunks handed out so far

    def take() -> int:
        with taken.get_lock():
            index = taken.value
            taken.value = index + 1
        return int(index)

    def work(send: Callable[[int, list[R]], None]) -> None:
        while (index := take()) < len(chunks):
            send(index, [func(items[i]) for i in chunks[index]])

    results: dict[int, list[R]] = {}
    started = [_start(context, work, encode) for _ in range(children)]
    try:
        work(results.__setitem__)
        for reader, _ in started:
            for index, blob in _receive(reader):
                results[index] = decode(blob)
    finally:
        for reader, process in started:
            reader.close()
            process.join()
    for index, positions in enumerate(chunks):
        if index not in results:  # taken by a child that failed
            results[index] = [func(items[i]) for i in positions]
    return [result for index in range(len(chunks)) for result in results[index]]


def _start(context: Any, work: Callable[..., None], encode: Callable[[list[Any]], bytes]) -> tuple[Connection, Any]:
    reader, writer = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(work, encode, writer), daemon=True)
    process.start()
    writer.close()  # the child holds its own copy: once it exits, reading ends instead of waiting
    return reader, process


def _child(work: Callable[..., None], encode: Callable[[list[Any]], bytes], writer: Connection) -> None:
    done: list[tuple[int, bytes]] = []
    work(lambda index, results: done.append((index, encode(results))))
    writer.send(done)
    writer.close()


def _receive(reader: Connection) -> list[tuple[int, bytes]]:
    try:
        return list(reader.recv())
    except (EOFError, OSError):
        return []
