"""The wire format between host and launcher, and the host's bounded reading of reports."""

import io
import json
import struct

import pytest

from sandbox.attach import AttachChannel
from sandbox.exchange import ReportReader
from sandbox.image.harness import protocol
from sandbox.spec import Limits, RunSpec, Status


def read_from(data: bytes):
    stream = io.BytesIO(data)

    def read_exact(size: int) -> bytes:
        chunk = stream.read(size)
        if len(chunk) != size:
            raise protocol.ProtocolError("short")
        return chunk
    return read_exact


def test_a_request_round_trips():
    files = {"main.py": b"print(1)", "data/x.csv": b"a,b\n"}
    chunks = protocol.encode_request(["python3", "main.py"], files, b"in", {"cpu_seconds": 1})
    request = protocol.decode_request(read_from(b"".join(chunks)))
    assert request["argv"] == ["python3", "main.py"]
    assert request["files"] == files and request["stdin"] == b"in"
    assert request["limits"] == {"cpu_seconds": 1}


def test_the_launcher_rechecks_file_names():
    chunks = protocol.encode_request(["true"], {"../evil": b"x"}, b"", {})
    with pytest.raises(protocol.ProtocolError, match="evil"):
        protocol.decode_request(read_from(b"".join(chunks)))


def test_an_old_image_says_how_to_fix_it():
    header = json.dumps({"version": 0}).encode()
    data = protocol.HEAD.pack(protocol.MAGIC, len(header)) + header
    with pytest.raises(protocol.ProtocolError, match="build-image --force"):
        protocol.decode_request(read_from(data))


def test_frames_are_parsed_however_the_bytes_are_split():
    stream = (protocol.encode_frame(protocol.STDOUT, b"hello")
              + protocol.encode_frame(protocol.FILE, protocol.encode_file("r.json", b"{}")))
    parser = protocol.FrameParser(1024)
    frames = [frame for byte in stream for frame in parser.feed(bytes([byte]))]
    assert frames[0] == (protocol.STDOUT, b"hello")
    assert protocol.decode_file(frames[1][1]) == ("r.json", b"{}")


@pytest.mark.parametrize("frame", [b"Z\0\0\0\0", protocol.FRAME.pack(b"O", 10_000)])
def test_unknown_or_oversized_frames_are_refused(frame):
    with pytest.raises(protocol.ProtocolError):
        protocol.FrameParser(1024).feed(frame)


def report(*frames: tuple[bytes, bytes]) -> bytes:
    return b"".join(protocol.encode_frame(kind, payload) for kind, payload in frames)


def summary(**values) -> bytes:
    return json.dumps({"status": "ok", "exit_code": 0, **values}).encode()


def test_the_reader_keeps_no_more_than_the_cap_whatever_it_is_sent():
    spec = RunSpec(files={}, argv=["x"], limits=Limits(output_bytes=1024))
    reader = ReportReader(spec, "test")
    reader.feed(report(*[(protocol.STDOUT, b"x" * 1000)] * 50, (protocol.RESULT, summary())))
    result = reader.result()
    assert len(result.stdout) == 1024 and result.stdout_truncated
    assert result.status == Status.OK and result.backend == "test"


def test_the_reader_bounds_output_files_by_count_and_size():
    spec = RunSpec(files={}, argv=["x"], limits=Limits(output_file_count=2))
    reader = ReportReader(spec, "test")
    files = [(protocol.FILE, protocol.encode_file(f"{i}.json", b"{}")) for i in range(5)]
    reader.feed(report(*files, (protocol.RESULT, summary())))
    assert sorted(reader.result().output_files) == ["0.json", "1.json"]


def test_a_harness_failure_is_our_error_not_the_programs():
    reader = ReportReader(RunSpec(files={}, argv=["x"]), "test")
    reader.feed(report((protocol.FAILURE, b"disk full")))
    result = reader.result()
    assert result.status == Status.SANDBOX_ERROR and "disk full" in result.error


def test_an_unknown_status_word_is_refused():
    reader = ReportReader(RunSpec(files={}, argv=["x"]), "test")
    with pytest.raises(ValueError):
        reader.feed(report((protocol.RESULT, summary(status="passed"))))


def docker_frame(stream: int, payload: bytes) -> bytes:
    return struct.pack(">BxxxI", stream, len(payload)) + payload


def test_docker_stream_headers_are_removed_and_stderr_kept_aside():
    channel = AttachChannel(object())
    data = docker_frame(1, b"report-") + docker_frame(2, b"traceback") + docker_frame(1, b"bytes")
    out = b"".join(channel.demux(data[i:i + 3]) for i in range(0, len(data), 3))
    assert out == b"report-bytes"
    assert channel.diagnostics == b"traceback"
