"""The sandbox image: its Dockerfile, the harness that runs inside it, and the offline build."""

from sandbox.image.build import BASE_IMAGE, DEFAULT_IMAGE, BuildError, build, image_state

__all__ = ["BASE_IMAGE", "DEFAULT_IMAGE", "BuildError", "build", "image_state"]
