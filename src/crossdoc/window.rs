//! Dates as day numbers, and the window around a short name's documents in
//! which a full name may explain it.

/// Days since 1970-01-01 of a `YYYY-MM-DD` date (the proleptic Gregorian
/// calendar; the input stage has checked the form).
pub fn day_number(date: &str) -> Option<i64> {
    let mut parts = date.splitn(3, '-').map(str::parse::<i64>);
    let (Some(Ok(year)), Some(Ok(month)), Some(Ok(day))) = (parts.next(), parts.next(), parts.next()) else {
        return None;
    };
    // Counted from March, so that the leap day ends the year.
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    Some(era * 146_097 + day_of_era - 719_468)
}

/// The days a short name was written on, to test documents against.
#[derive(Debug, Default)]
pub(super) struct Window {
    /// Its documents' days, sorted.
    days: Vec<i64>,
    /// Some document has no date, or none is known: any date may be near.
    open: bool,
    /// How far from a day a document may be.
    width: i64,
}

impl Window {
    /// The window of width `width` days around these days (`None`: undated).
    pub(super) fn new(days: impl IntoIterator<Item = Option<i64>>, width: i64) -> Window {
        let mut window = Window { days: Vec::new(), open: false, width };
        for day in days {
            match day {
                Some(day) => window.days.push(day),
                None => window.open = true,
            }
        }
        window.open |= window.days.is_empty();
        window.days.sort_unstable();
        window.days.dedup();
        window
    }

    /// True if a document of this day (`None`: undated) is within the window.
    pub(super) fn holds(&self, day: Option<i64>) -> bool {
        let Some(day) = day else { return true };
        if self.open {
            return true;
        }
        let at = self.days.partition_point(|&d| d < day);
        let near = |i: usize| self.days.get(i).is_some_and(|&d| (d - day).abs() <= self.width);
        near(at) || (at > 0 && near(at - 1))
    }
}

#[cfg(test)]
mod tests {
    use super::{Window, day_number};

    #[test]
    fn day_numbers_count_days() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2000-03-01").zip(day_number("2000-02-28")).map(|(a, b)| a - b), Some(2));
        assert_eq!(day_number("2005-01-01").zip(day_number("2004-01-01")).map(|(a, b)| a - b), Some(366));
        assert_eq!(day_number("1969-12-31"), Some(-1));
        assert_eq!(day_number("soon"), None);
    }

    #[test]
    fn a_window_holds_days_near_its_own_and_undated_ones() {
        let window = Window::new([Some(100), Some(200)], 30);
        assert!(window.holds(Some(70)) && window.holds(Some(230)) && window.holds(Some(129)));
        assert!(!window.holds(Some(69)) && !window.holds(Some(231)) && !window.holds(Some(150)));
        assert!(window.holds(None));
        assert!(Window::new([Some(100), None], 30).holds(Some(5000)), "an undated document may be any day");
        assert!(Window::new([], 30).holds(Some(5000)));
    }
}
