//! Local time for meetings, computed the same way on the server and in the browser.
//!
//! The product serves a Danish taskforce; meetings are held in `Europe/Copenhagen`. Its rules
//! since 1996 are the EU's: summer time (+02:00) from the last Sunday of March 01:00 UTC to
//! the last Sunday of October 01:00 UTC, otherwise +01:00. Carrying the full tz database into
//! the browser bundle for one zone is not worth its weight; an unknown zone is refused.
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc, Weekday};

use crate::model::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    EuropeCopenhagen,
    Utc,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocalTimeError {
    /// The clock jumps over this time (spring forward).
    DoesNotExist,
}

impl Zone {
    pub fn parse(name: &str) -> Option<Zone> {
        match name {
            "Europe/Copenhagen" => Some(Zone::EuropeCopenhagen),
            "UTC" | "Etc/UTC" => Some(Zone::Utc),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Zone::EuropeCopenhagen => "Europe/Copenhagen",
            Zone::Utc => "UTC",
        }
    }

    /// Offset from UTC in seconds at the given instant.
    pub fn offset_seconds(self, at: DateTime<Utc>) -> i32 {
        match self {
            Zone::Utc => 0,
            Zone::EuropeCopenhagen => {
                if is_eu_summer_time(at) {
                    7200
                } else {
                    3600
                }
            }
        }
    }

    pub fn to_local(self, at: DateTime<Utc>) -> NaiveDateTime {
        at.naive_utc() + Duration::seconds(i64::from(self.offset_seconds(at)))
    }

    /// The instant a local wall-clock time names. In the autumn hour that happens twice the
    /// earlier (summer-time) instant is chosen; in the spring gap there is none.
    pub fn from_local(self, local: NaiveDateTime) -> Result<DateTime<Utc>, LocalTimeError> {
        let candidates = [7200, 3600, 0].map(|offset| {
            let at = Utc.from_utc_datetime(&(local - Duration::seconds(offset)));
            (offset, at)
        });
        candidates
            .into_iter()
            .find(|(offset, at)| i64::from(self.offset_seconds(*at)) == *offset)
            .map(|(_, at)| at)
            .ok_or(LocalTimeError::DoesNotExist)
    }
}

/// The last Sunday of a month, for the EU switch rules.
pub fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let first_of_next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }
    .expect("the first of a month always exists");
    let mut day = first_of_next - Duration::days(1);
    while day.weekday() != Weekday::Sun {
        day -= Duration::days(1);
    }
    day
}

fn is_eu_summer_time(at: DateTime<Utc>) -> bool {
    let year = at.year();
    let switch = |month| {
        Utc.from_utc_datetime(
            &last_sunday(year, month)
                .and_hms_opt(1, 0, 0)
                .expect("01:00 is a valid time"),
        )
    };
    at >= switch(3) && at < switch(10)
}

const DA_WEEKDAYS: [&str; 7] = [
    "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
];
const EN_WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const DA_MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];
const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn local(at: DateTime<Utc>, zone: &str) -> NaiveDateTime {
    Zone::parse(zone).unwrap_or(Zone::Utc).to_local(at)
}

/// "tirsdag 14. september 2021" / "Tuesday 14 September 2021".
pub fn format_date(lang: Lang, at: DateTime<Utc>, zone: &str) -> String {
    let t = local(at, zone);
    let weekday = t.weekday().num_days_from_monday() as usize;
    let month = t.month0() as usize;
    match lang {
        Lang::Da => format!(
            "{} {}. {} {}",
            DA_WEEKDAYS[weekday],
            t.day(),
            DA_MONTHS[month],
            t.year()
        ),
        Lang::En => format!(
            "{} {} {} {}",
            EN_WEEKDAYS[weekday],
            t.day(),
            EN_MONTHS[month],
            t.year()
        ),
    }
}

/// "14.09.2021", the short Danish numeric form; ISO-like day/month order in English too.
pub fn format_short_date(lang: Lang, at: DateTime<Utc>, zone: &str) -> String {
    let t = local(at, zone);
    match lang {
        Lang::Da => format!("{:02}.{:02}.{}", t.day(), t.month(), t.year()),
        Lang::En => format!(
            "{} {} {}",
            t.day(),
            &EN_MONTHS[t.month0() as usize][..3],
            t.year()
        ),
    }
}

/// "kl. 13.00" in Danish (a full stop between hours and minutes), "13:00" in English.
/// Date and clock time in the secretariat's zone, for logs and lists ("05.04.2022 13.00").
pub fn format_stamp(lang: Lang, at: DateTime<Utc>) -> String {
    let zone = "Europe/Copenhagen";
    format!(
        "{} {}",
        format_short_date(lang, at, zone),
        format_clock(lang, at, zone)
    )
}

pub fn format_clock(lang: Lang, at: DateTime<Utc>, zone: &str) -> String {
    let t = local(at, zone);
    match lang {
        Lang::Da => format!("{:02}.{:02}", t.hour(), t.minute()),
        Lang::En => format!("{:02}:{:02}", t.hour(), t.minute()),
    }
}

/// "kl. 13.00–15.00" / "13:00–15:00".
pub fn format_time_range(
    lang: Lang,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    zone: &str,
) -> String {
    let range = format!(
        "{}–{}",
        format_clock(lang, start, zone),
        format_clock(lang, end, zone)
    );
    match lang {
        Lang::Da => format!("kl. {range}"),
        Lang::En => range,
    }
}

/// For `<time datetime=...>`: the instant with its local offset, RFC 3339.
pub fn machine_readable(at: DateTime<Utc>, zone: &str) -> String {
    let zone = Zone::parse(zone).unwrap_or(Zone::Utc);
    let offset =
        chrono::FixedOffset::east_opt(zone.offset_seconds(at)).expect("offset within a day");
    at.with_timezone(&offset).to_rfc3339()
}

use chrono::Timelike;

/// How near a meeting is, in the calendar days of its zone, as people say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum StartsIn {
    Today,
    Tomorrow,
    Days(i64),
}

/// How near a meeting that has not begun is, and the instant that stops being true (the next
/// midnight in the meeting's zone, or the start itself). `None` once it has begun.
pub fn starts_in(
    now: DateTime<Utc>,
    starts_at: DateTime<Utc>,
    zone: &str,
) -> Option<(StartsIn, DateTime<Utc>)> {
    if starts_at <= now {
        return None;
    }
    let zone = Zone::parse(zone).unwrap_or(Zone::Utc);
    let today = zone.to_local(now).date();
    let days = (zone.to_local(starts_at).date() - today).num_days();
    let midnight = today
        .succ_opt()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .and_then(|local| zone.from_local(local).ok())
        // No midnight is skipped in the zones we know; an hour is a safe answer regardless.
        .unwrap_or(now + Duration::hours(1));
    let when = match days {
        0 => StartsIn::Today,
        1 => StartsIn::Tomorrow,
        n => StartsIn::Days(n),
    };
    Some((when, midnight.min(starts_at)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    #[test]
    fn copenhagen_is_one_hour_ahead_in_winter_and_two_in_summer() {
        let cph = Zone::EuropeCopenhagen;
        assert_eq!(cph.offset_seconds(utc(2022, 1, 15, 12, 0)), 3600);
        assert_eq!(cph.offset_seconds(utc(2022, 6, 15, 12, 0)), 7200);
    }

    #[test]
    fn summer_time_starts_on_the_last_sunday_of_march_at_one_utc() {
        let cph = Zone::EuropeCopenhagen;
        assert_eq!(
            last_sunday(2022, 3),
            NaiveDate::from_ymd_opt(2022, 3, 27).unwrap()
        );
        assert_eq!(cph.offset_seconds(utc(2022, 3, 27, 0, 59)), 3600);
        assert_eq!(cph.offset_seconds(utc(2022, 3, 27, 1, 0)), 7200);
    }

    #[test]
    fn summer_time_ends_on_the_last_sunday_of_october_at_one_utc() {
        let cph = Zone::EuropeCopenhagen;
        assert_eq!(
            last_sunday(2021, 10),
            NaiveDate::from_ymd_opt(2021, 10, 31).unwrap()
        );
        assert_eq!(cph.offset_seconds(utc(2021, 10, 31, 0, 59)), 7200);
        assert_eq!(cph.offset_seconds(utc(2021, 10, 31, 1, 0)), 3600);
    }

    #[test]
    fn a_local_time_in_the_spring_gap_does_not_exist() {
        let gap = NaiveDate::from_ymd_opt(2022, 3, 27)
            .unwrap()
            .and_hms_opt(2, 30, 0)
            .unwrap();
        assert_eq!(
            Zone::EuropeCopenhagen.from_local(gap),
            Err(LocalTimeError::DoesNotExist)
        );
    }

    #[test]
    fn the_repeated_autumn_hour_resolves_to_summer_time() {
        let twice = NaiveDate::from_ymd_opt(2021, 10, 31)
            .unwrap()
            .and_hms_opt(2, 30, 0)
            .unwrap();
        assert_eq!(
            Zone::EuropeCopenhagen.from_local(twice),
            Ok(utc(2021, 10, 31, 0, 30))
        );
    }

    #[test]
    fn dates_read_naturally_in_danish_and_english() {
        let start = utc(2021, 9, 14, 11, 0);
        let end = utc(2021, 9, 14, 13, 0);
        let zone = "Europe/Copenhagen";
        assert_eq!(
            format_date(Lang::Da, start, zone),
            "tirsdag 14. september 2021"
        );
        assert_eq!(
            format_date(Lang::En, start, zone),
            "Tuesday 14 September 2021"
        );
        assert_eq!(
            format_time_range(Lang::Da, start, end, zone),
            "kl. 13.00–15.00"
        );
        assert_eq!(format_time_range(Lang::En, start, end, zone), "13:00–15:00");
        assert_eq!(format_short_date(Lang::Da, start, zone), "14.09.2021");
        assert_eq!(machine_readable(start, zone), "2021-09-14T13:00:00+02:00");
    }

    proptest! {
        #[test]
        fn local_time_converts_back_to_the_same_instant_outside_the_autumn_overlap(secs in 1_577_836_800i64..1_893_456_000i64) {
            let at = Utc.timestamp_opt(secs - secs % 60, 0).unwrap();
            let cph = Zone::EuropeCopenhagen;
            let back = cph.from_local(cph.to_local(at)).expect("every local time of an instant exists");
            // In the repeated autumn hour the earlier instant is chosen, one hour before.
            prop_assert!(back == at || back == at - Duration::hours(1));
            prop_assert_eq!(cph.to_local(back), cph.to_local(at));
        }
    }

    #[test]
    fn a_meeting_counts_down_in_copenhagen_days_and_says_when_that_stops_being_true() {
        let zone = "Europe/Copenhagen";
        // Thursday 3 March 2022, 15:00 in Copenhagen (14:00 UTC).
        let start = utc(2022, 3, 3, 14, 0);
        // Tuesday 23:30 in Copenhagen is already Tuesday 22:30 UTC: two days to go, until
        // Copenhagen's midnight (23:00 UTC), not UTC's.
        assert_eq!(
            starts_in(utc(2022, 3, 1, 22, 30), start, zone),
            Some((StartsIn::Days(2), utc(2022, 3, 1, 23, 0)))
        );
        assert_eq!(
            starts_in(utc(2022, 3, 1, 23, 0), start, zone),
            Some((StartsIn::Tomorrow, utc(2022, 3, 2, 23, 0)))
        );
        assert_eq!(
            starts_in(utc(2022, 3, 3, 8, 0), start, zone),
            Some((StartsIn::Today, start)),
            "on the day it holds until the meeting begins"
        );
        assert_eq!(starts_in(start, start, zone), None);
    }

    #[test]
    fn the_countdown_follows_the_summer_time_midnight() {
        // Saturday 26 March 2022 12:00 UTC; the clocks go forward that night, but midnight
        // itself is still +01:00 (23:00 UTC).
        let start = utc(2022, 3, 28, 8, 0);
        assert_eq!(
            starts_in(utc(2022, 3, 26, 12, 0), start, "Europe/Copenhagen"),
            Some((StartsIn::Days(2), utc(2022, 3, 26, 23, 0)))
        );
        // And on Sunday the next midnight is +02:00 (22:00 UTC).
        assert_eq!(
            starts_in(utc(2022, 3, 27, 12, 0), start, "Europe/Copenhagen"),
            Some((StartsIn::Tomorrow, utc(2022, 3, 27, 22, 0)))
        );
    }
}
