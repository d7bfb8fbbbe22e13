//! The delivery step: claim in the store, then show. See "At most once" in
//! the module documentation of `reminders`.

use std::collections::{BTreeMap, HashSet};
use std::sync::{Mutex, MutexGuard, PoisonError};

use aftercare::{Lang, Reminder};
use chrono::{DateTime, NaiveDate, Utc};

use super::decide::{Decision, summary_notice};
use super::notifier::{Notice, Notifier};
use crate::model::DeliveryHow;
use crate::store::{Store, StoreError};

/// The part of the store the scheduler uses: the delivery log. [`Store`]
/// is the real one; the trait lets unit tests count calls.
pub trait Ledger {
    /// The store's error.
    type Error: std::fmt::Display;
    /// Ids already in the log.
    fn delivered_ids(&self) -> Result<HashSet<String>, Self::Error>;
    /// Claims one reminder; `true` when newly claimed (show it), `false`
    /// when it was already in the log (never show it again).
    fn claim_delivery(
        &mut self,
        id: &str,
        due: DateTime<Utc>,
        at: DateTime<Utc>,
        how: DeliveryHow,
    ) -> Result<bool, Self::Error>;
    /// Claims several in one transaction; returns the ids newly claimed.
    fn claim_all(
        &mut self,
        items: &[(String, DateTime<Utc>)],
        at: DateTime<Utc>,
        how: DeliveryHow,
    ) -> Result<Vec<String>, Self::Error>;
    /// Marks a claimed reminder as failed, with the notifier's error.
    fn record_failure(&mut self, id: &str, error: &str) -> Result<(), Self::Error>;
    /// How many times each care item was ticked off on `date`, by care id
    /// (for the care nudges). A ledger that keeps no ticks has none.
    fn care_counts(&self, _date: NaiveDate) -> Result<BTreeMap<String, u32>, Self::Error> {
        Ok(BTreeMap::new())
    }
}

impl Ledger for Store {
    type Error = StoreError;

    fn delivered_ids(&self) -> Result<HashSet<String>, StoreError> {
        Store::delivered_ids(self)
    }

    fn claim_delivery(
        &mut self,
        id: &str,
        due: DateTime<Utc>,
        at: DateTime<Utc>,
        how: DeliveryHow,
    ) -> Result<bool, StoreError> {
        Store::claim_delivery(self, id, due, at, how)
    }

    fn claim_all(
        &mut self,
        items: &[(String, DateTime<Utc>)],
        at: DateTime<Utc>,
        how: DeliveryHow,
    ) -> Result<Vec<String>, StoreError> {
        Store::claim_all(self, items, at, how)
    }

    fn record_failure(&mut self, id: &str, error: &str) -> Result<(), StoreError> {
        Store::record_failure(self, id, error)
    }

    fn care_counts(&self, date: NaiveDate) -> Result<BTreeMap<String, u32>, StoreError> {
        Store::care_counts(self, date)
    }
}

/// Locks the ledger; a poisoned lock (a thread panicked while holding it)
/// is taken over: SQLite keeps the data consistent by its transactions.
pub(crate) fn lock<L>(m: &Mutex<L>) -> MutexGuard<'_, L> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// What one delivery step did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeliveryReport {
    /// Notifications handed to the notifier successfully, in order.
    pub shown: Vec<Notice>,
    /// Ids logged as `notification` (shown on their own).
    pub notified: Vec<String>,
    /// Ids logged as `summary` (folded into one notification).
    pub summarized: Vec<String>,
    /// Ids logged as `missed` (no notification).
    pub missed: Vec<String>,
    /// Ids whose notification failed, with the error (logged as `failed`).
    pub failed: Vec<(String, String)>,
    /// Whether any notification reached the notifier in this step (clears
    /// the scheduler's last failure unless `notifier_error` is set).
    pub notifier_reached: bool,
    /// The notifier's error if the last notification of this step failed.
    pub notifier_error: Option<String>,
    /// Store errors; what they concern is retried on the next pass.
    pub store_errors: Vec<String>,
}

/// Carries out `decision` at `now`: records the missed ones, then claims
/// and shows the on-time ones one by one, then claims the summary ones and
/// shows one notification for those newly claimed. Nothing is shown that
/// was not newly claimed; a notifier error is logged, recorded with
/// `record_failure` and reported, never swallowed. The store's lock is
/// never held while a notification is shown. The summary is worded in
/// `lang`.
pub fn deliver<L: Ledger>(
    ledger: &Mutex<L>,
    notifier: &dyn Notifier,
    decision: &Decision,
    now: DateTime<Utc>,
    lang: Lang,
) -> DeliveryReport {
    let mut report = DeliveryReport::default();

    if !decision.missed.is_empty() {
        let claimed = lock(ledger).claim_all(&items(&decision.missed), now, DeliveryHow::Missed);
        match claimed {
            Ok(ids) => {
                for id in &ids {
                    log::info!("reminder {id} missed by more than a day: listed in the app only");
                }
                report.missed = ids;
            }
            Err(e) => store_error(&mut report, "record missed reminders", &e),
        }
    }

    for r in &decision.show {
        let claimed = lock(ledger).claim_delivery(&r.id, r.at, now, DeliveryHow::Notification);
        match claimed {
            Ok(true) => {
                let notice = Notice {
                    title: r.title.to_string(),
                    body: r.body.clone(),
                };
                if show(
                    ledger,
                    notifier,
                    &notice,
                    std::slice::from_ref(&r.id),
                    &mut report,
                ) {
                    report.notified.push(r.id.clone());
                }
            }
            Ok(false) => log::debug!("reminder {} already delivered", r.id),
            Err(e) => store_error(&mut report, &format!("claim reminder {}", r.id), &e),
        }
    }

    if !decision.summary.is_empty() {
        // Bind the result first: a guard in the match scrutinee would live
        // through the arms, and `show` locks again to record a failure.
        let claimed = lock(ledger).claim_all(&items(&decision.summary), now, DeliveryHow::Summary);
        match claimed {
            Ok(ids) => {
                let claimed: Vec<Reminder> = decision
                    .summary
                    .iter()
                    .filter(|r| ids.contains(&r.id))
                    .cloned()
                    .collect();
                if let Some(notice) = summary_notice(&claimed, lang)
                    && show(ledger, notifier, &notice, &ids, &mut report)
                {
                    report.summarized = ids;
                }
            }
            Err(e) => store_error(&mut report, "claim missed reminders", &e),
        }
    }

    report
}

fn items(rs: &[Reminder]) -> Vec<(String, DateTime<Utc>)> {
    rs.iter().map(|r| (r.id.clone(), r.at)).collect()
}

/// Shows one notice for the claimed `ids`; on failure records it for each
/// of them. Returns whether it was shown.
fn show<L: Ledger>(
    ledger: &Mutex<L>,
    notifier: &dyn Notifier,
    notice: &Notice,
    ids: &[String],
    report: &mut DeliveryReport,
) -> bool {
    match notifier.show(notice) {
        Ok(()) => {
            log::info!("notified: {} ({})", notice.title, ids.join(", "));
            report.shown.push(notice.clone());
            report.notifier_error = None;
            report.notifier_reached = true;
            true
        }
        Err(e) => {
            let cause = e.to_string();
            log::error!("notification {:?} was not shown: {cause}", notice.title);
            let mut guard = lock(ledger);
            for id in ids {
                if let Err(se) = guard.record_failure(id, &cause) {
                    log::error!("cannot record the failure of reminder {id}: {se}");
                    report.store_errors.push(se.to_string());
                }
                report.failed.push((id.clone(), cause.clone()));
            }
            report.notifier_error = Some(cause);
            false
        }
    }
}

fn store_error(report: &mut DeliveryReport, what: &str, e: &dyn std::fmt::Display) {
    log::error!("cannot {what}: {e}; retrying at the next pass");
    report.store_errors.push(format!("cannot {what}: {e}"));
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;
    use std::sync::Mutex;

    use chrono::{TimeDelta, TimeZone};

    use super::*;
    use crate::reminders::NotifyError;

    #[derive(Default)]
    struct MemLedger {
        log: HashMap<String, (DeliveryHow, Option<String>)>,
    }

    impl Ledger for MemLedger {
        type Error = String;
        fn delivered_ids(&self) -> Result<HashSet<String>, String> {
            Ok(self.log.keys().cloned().collect())
        }
        fn claim_delivery(
            &mut self,
            id: &str,
            _: DateTime<Utc>,
            _: DateTime<Utc>,
            how: DeliveryHow,
        ) -> Result<bool, String> {
            Ok(self.log.insert(id.to_string(), (how, None)).is_none())
        }
        fn claim_all(
            &mut self,
            items: &[(String, DateTime<Utc>)],
            at: DateTime<Utc>,
            how: DeliveryHow,
        ) -> Result<Vec<String>, String> {
            let mut out = Vec::new();
            for (id, due) in items {
                if !self.log.contains_key(id) && self.claim_delivery(id, *due, at, how)? {
                    out.push(id.clone());
                }
            }
            Ok(out)
        }
        fn record_failure(&mut self, id: &str, error: &str) -> Result<(), String> {
            let e = self.log.get_mut(id).ok_or("not claimed")?;
            *e = (DeliveryHow::Failed, Some(error.to_string()));
            Ok(())
        }
    }

    struct Fails;
    impl Notifier for Fails {
        fn show(&self, _: &Notice) -> Result<(), NotifyError> {
            Err(NotifyError("no server".into()))
        }
    }

    #[derive(Default)]
    struct Records(Mutex<Vec<Notice>>);
    impl Notifier for Records {
        fn show(&self, n: &Notice) -> Result<(), NotifyError> {
            self.0.lock().unwrap().push(n.clone());
            Ok(())
        }
    }

    use crate::reminders::test_support::reminder;

    fn decision(now: DateTime<Utc>) -> Decision {
        let mut d = Decision::idle(now);
        d.show = vec![reminder("on-time", now)];
        d.summary = vec![
            reminder("s1", now - TimeDelta::hours(3)),
            reminder("s2", now - TimeDelta::hours(2)),
        ];
        d.missed = vec![reminder("old", now - TimeDelta::days(3))];
        d
    }

    #[test]
    fn the_summary_speaks_the_language_it_is_given() {
        let now = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
        let ledger = Mutex::new(MemLedger::default());
        let n = Records::default();
        deliver(&ledger, &n, &decision(now), now, Lang::Es);
        let shown = n.0.lock().unwrap().clone();
        // The reminder on its own is the engine's (already in the plan's
        // language); the summary is the shell's.
        assert_eq!(shown[0].title, "title on-time");
        assert_eq!(shown[1].title, "Te has perdido 2 recordatorios");
        assert_eq!(
            shown[1].body,
            "• lun 2 mar — title s1\n• lun 2 mar — title s2"
        );
    }

    #[test]
    fn claims_before_showing_and_never_twice() {
        let now = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
        let ledger = Mutex::new(MemLedger::default());
        let n = Records::default();
        let r = deliver(&ledger, &n, &decision(now), now, Lang::En);
        assert_eq!(r.notified, ["on-time"]);
        assert_eq!(r.summarized, ["s1", "s2"]);
        assert_eq!(r.missed, ["old"]);
        assert!(r.notifier_reached && r.notifier_error.is_none());
        let shown = n.0.lock().unwrap().clone();
        assert_eq!(shown.len(), 2);
        assert_eq!(shown[0].title, "title on-time");
        assert_eq!(shown[1].title, "2 reminders you missed");
        // The same decision again (a recomputation): nothing is shown.
        let r = deliver(&ledger, &n, &decision(now), now, Lang::En);
        assert!(
            r.shown.is_empty()
                && r.notified.is_empty()
                && r.summarized.is_empty()
                && r.missed.is_empty()
        );
        assert_eq!(n.0.lock().unwrap().len(), 2);
    }

    #[test]
    fn a_failing_notifier_is_recorded_not_swallowed() {
        let now = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
        let ledger = Mutex::new(MemLedger::default());
        let r = deliver(&ledger, &Fails, &decision(now), now, Lang::En);
        assert!(r.shown.is_empty() && !r.notifier_reached);
        assert_eq!(r.notifier_error.as_deref(), Some("no server"));
        let failed: Vec<&str> = r.failed.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(failed, ["on-time", "s1", "s2"]);
        {
            let log = &ledger.lock().unwrap().log;
            assert_eq!(
                log["s2"],
                (DeliveryHow::Failed, Some("no server".to_string()))
            );
            assert_eq!(log["old"], (DeliveryHow::Missed, None));
        }
        // Not retried: it is in the log.
        let r = deliver(&ledger, &Fails, &decision(now), now, Lang::En);
        assert!(r.failed.is_empty() && r.notifier_error.is_none());
    }
}
