"""Declarations the member cities sign, their commitments, and the projects that serve them."""

from .declaration import Commitment, DeclarationIndexPage, DeclarationPage, DeclarationSignatory
from .project_links import CommitmentKeyField, ProjectCommitment

__all__ = [
    "Commitment",
    "CommitmentKeyField",
    "DeclarationIndexPage",
    "DeclarationPage",
    "DeclarationSignatory",
    "ProjectCommitment",
]
