// Clock times and what attaches to a date: "10:29", "6:40 a.m.", "noon",
// "10 p.m. EST Wednesday", "10:00 on Friday", "Friday morning",
// "22 Mar 2023 10:29".
#include "time/grammar.h"

namespace quoteline::time {

bool grammar::clock_time(size_t i, int& hour, int& minute, size_t& end, bool& midnight) const {
  midnight = false;
  if (i >= n_) return false;
  const atom& a = at(i);
  if (a.is(kw::noon)) {
    hour = 12, minute = 0, end = i + 1;
    return true;
  }
  if (a.is(kw::midnight)) {
    hour = 24, minute = 0, end = i + 1, midnight = true;
    return true;
  }
  if (a.kind != a_number) return false;
  size_t k = i + 1;
  int h = a.num, m = 0;
  bool need_ampm = false;
  if (a.shape == n_clock && a.minutes >= 0) {
    m = a.minutes;
  } else if (a.shape == n_decimal && a.minutes >= 0) {
    need_ampm = true;  // 10.30 a.m.
    m = a.minutes;
  } else if (a.shape == n_plain && a.digits <= 2) {
    need_ampm = true;
  } else if (a.shape == n_plain && a.digits == 4 && has(k, w_zone)) {
    h = a.num / 100, m = a.num % 100;  // 1029 GMT
  } else {
    return false;
  }
  if (h > 24 || m > 59) return false;
  char ampm = 0;
  if (has(k, w_ampm) && (!at(k).has(w_risky) || at(k).is(af_glued) || !at(k).is(af_upper))) {
    ampm = at(k).info->ampm;
    ++k;
    // "p.m" followed by the sentence's period: keep the period outside.
  } else if (is(k, kw::oclock) && a.shape == n_plain) {
    ++k;
    need_ampm = false;
  } else if (need_ampm && a.shape == n_plain && word_is(k, "in") && is(k + 1, kw::the) &&
             has(k + 2, w_pod)) {
    int pod = at(k + 2).info->pod;
    if (pod == pod_af || pod == pod_ev || (pod == pod_ni && h >= 6 && h < 12))
      ampm = 'p';
    else
      ampm = 'a';
    k += 3;
  }
  if (need_ampm && !ampm) return false;
  if (ampm && (h < 1 || h > 12)) return false;
  if (ampm == 'a' && h == 12) h = 0;
  if (ampm == 'p' && h < 12) h += 12;
  hour = h;
  minute = m;
  end = k;
  return true;
}

hit grammar::clock(size_t i) {
  hit none;
  int h, m;
  size_t e;
  bool midnight;
  if (!clock_time(i, h, m, e, midnight)) return none;
  // Time zones: EST, (GMT)
  while (has(e, w_zone) && at(e).is(af_upper)) ++e;
  if (punct(e, '(') && has(e + 1, w_zone) && punct(e + 2, ')')) e += 3;
  hit r;
  r.begin = i;
  r.end = e;
  r.type = timex_type::time;
  r.p = anchor_day();
  // A date after the time joins it: "10 p.m. Wednesday", "10:00 on Friday".
  size_t k = punct(e, ',') ? e + 1 : e;
  if (is(k, kw::on)) ++k;
  hit d = weekday_date(k);
  if (!d.is_day()) d = month_date(k);
  if (!d.is_day()) d = day_month(k);
  if (!d.is_day()) d = deictic(k);
  if (d.ok() && d.p.g == gran::day && (d.p.month > 0 || d.p.weekday)) {
    r.p = d.p;
    r.end = d.end;
  }
  if (midnight && r.end == i + 1 && !r.p.valid()) return none;
  r.p.g = gran::minute;
  r.p.hour = h;
  r.p.minute = m;
  return r;
}

hit grammar::attach(hit h) {
  bool dated = h.type == timex_type::date && h.literal.empty() && h.p.g == gran::day &&
               (h.p.month > 0 || h.p.weekday > 0);
  if (!dated) return h;
  size_t k = h.end;
  // Friday morning, yesterday afternoon, Saturday night
  if (has(k, w_pod) && !at(k).has(w_plural) && !at(k).has(w_day) && !is(k, kw::overnight) &&
      !is(k, kw::dawn) && !is(k, kw::dusk)) {
    h.type = timex_type::time;
    h.p.g = gran::pod;
    h.p.pod = at(k).info->pod;
    h.end = k + 1;
    return h;
  }
  // 22 Mar 2023 10:29, Friday 10:00
  if (punct(k, ',')) ++k;
  int hour, minute;
  size_t e;
  bool midnight;
  if (k < n_ && at(k).kind == a_number && clock_time(k, hour, minute, e, midnight)) {
    h.type = timex_type::time;
    h.p.g = gran::minute;
    h.p.hour = hour;
    h.p.minute = minute;
    h.end = e;
    while (has(h.end, w_zone) && at(h.end).is(af_upper)) ++h.end;
  }
  return h;
}

}  // namespace quoteline::time
