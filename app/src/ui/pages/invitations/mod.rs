//! Invitations, answers, feeds and the outbox.
mod feed_page;
pub(crate) mod invitations_panel;
mod outbox_page;
mod replies_page;
mod rsvp_page;

pub use feed_page::FeedPage;
pub use outbox_page::OutboxPage;
pub use replies_page::RepliesPage;
pub use rsvp_page::RsvpPage;
