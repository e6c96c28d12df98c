"""Every table of the station database; importing this registers them all on ``Base``."""

from msk_desktop.store.models.audit import AuditEntry
from msk_desktop.store.models.counselling import (
    CounsellingCase,
    CounsellingSession,
    PpkReferral,
    SupportReferral,
)
from msk_desktop.store.models.fir import Fir, FirAccused, FirMilestone, FirSection, FirVictim
from msk_desktop.store.models.helpdesk import FollowUp, HelpdeskApplication
from msk_desktop.store.models.identity import IDENTITY_FIELDS, ProtectedIdentity
from msk_desktop.store.models.inspection import InspectionDirection, InspectionEntry
from msk_desktop.store.models.preferences import SavedFilter
from msk_desktop.store.models.preventive import PreventiveAction
from msk_desktop.store.models.rosters import DutyRosterAssignment, DutyRosterSlot
from msk_desktop.store.models.settings import StationSetting
from msk_desktop.store.models.staff import (
    AwarenessProgramme,
    StaffDeployment,
    StaffDeploymentMember,
    StaffMember,
)
from msk_desktop.store.models.station import AppUser, SerialCounter, Station
from msk_desktop.store.models.sync import (
    DeviceSyncState,
    OutboxState,
    StationSyncSeen,
    SyncConflict,
    SyncOutbox,
)

__all__ = [
    "IDENTITY_FIELDS",
    "AppUser",
    "AuditEntry",
    "AwarenessProgramme",
    "CounsellingCase",
    "CounsellingSession",
    "DeviceSyncState",
    "DutyRosterAssignment",
    "DutyRosterSlot",
    "Fir",
    "FirAccused",
    "FirMilestone",
    "FirSection",
    "FirVictim",
    "FollowUp",
    "HelpdeskApplication",
    "InspectionDirection",
    "InspectionEntry",
    "OutboxState",
    "PpkReferral",
    "PreventiveAction",
    "ProtectedIdentity",
    "SavedFilter",
    "SerialCounter",
    "StaffDeployment",
    "StaffDeploymentMember",
    "StaffMember",
    "Station",
    "StationSetting",
    "StationSyncSeen",
    "SupportReferral",
    "SyncConflict",
    "SyncOutbox",
]
