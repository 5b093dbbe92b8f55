//! Invitations, answers, the outbox, calendar feeds and e-mailed replies.
mod feed;
mod guests;
mod opt_in;
mod outbox;
mod replies;
mod rsvp;
mod view;

pub use feed::{MyFeed, RenewFeed, my_feed, renew_feed};
pub use guests::{GuestForm, InviteGuest, RemoveInvitee, invite_guest, remove_invitee};
pub use opt_in::{
    GetInvitationOptIn, SetInvitationOptIn, get_invitation_opt_in, set_invitation_opt_in,
};
pub use outbox::{GetOutbox, RetryMessage, get_outbox, retry_message};
pub use replies::{ReadReply, ReplyForm, read_reply};
pub use rsvp::{AnswerRsvp, GetRsvp, RsvpForm, answer_rsvp, get_rsvp};
pub use view::{GetInvitations, get_invitations};
