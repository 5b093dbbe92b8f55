//! Meetings: reading, planning, moving through review, cancelling, and the audit log.
mod audit;
mod cancel;
mod save;
mod status;
mod view;

pub use audit::{GetAuditLog, get_audit_log};
pub use cancel::{CancelMeeting, cancel_meeting};
pub use save::{SaveMeeting, save_meeting};
pub use status::{ChangeStatus, StatusChange, change_status};
pub use view::{GetMeeting, get_meeting};
