#!/usr/bin/env python3
"""Writes the generated scripted replies of sql-quiz: replies/<topic>/<angle>/ for every topic and every angle
but 'classic' (whose replies are the hand-written ones in replies/<topic>/).

Each item is one question template of ANGLES applied to one topic's vocabulary (TOPICS) over a small seeded
database (two tables, a person and the events they cause). expected.csv is never written by hand: it is the output
of the sqlite3 command line on the reference query, exactly as checks/run_queries.sh produces it, and the script
refuses an item whose wrong query gives the same rows. Some items fail their first attempt on purpose, as models do
(RETRIES), so runs show the retry-with-feedback loop.

Run from anywhere with python3 and sqlite3 on the PATH; it is deterministic (re-running changes nothing):
    python3 packs/examples/sql-quiz/offline/generate_replies.py
"""
import os
import random
import re
import shutil
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPLIES = os.path.join(HERE, "replies")

# topic -> vocabulary: person table/noun, event table/noun, value column and its meaning, statuses (good, bad, other)
TOPICS = {
    "library loans": dict(people="members", person="member", events="loans", event="loan", value="late_fee",
                          value_words="late fee in euros", date="loaned_on", good="returned", bad="lost", other="open"),
    "flight bookings": dict(people="passengers", person="passenger", events="bookings", event="booking", value="fare",
                            value_words="fare in euros", date="booked_on", good="flown", bad="cancelled", other="confirmed"),
    "clinic appointments": dict(people="patients", person="patient", events="appointments", event="appointment",
                                value="charge", value_words="charge in euros", date="scheduled_on", good="attended",
                                bad="no-show", other="cancelled"),
    "online store orders": dict(people="customers", person="customer", events="orders", event="order", value="total",
                                value_words="order total in euros", date="placed_on", good="shipped", bad="cancelled",
                                other="pending"),
    "university course enrollment": dict(people="students", person="student", events="enrollments",
                                         event="enrollment", value="credits", value_words="credits",
                                         date="enrolled_on", good="passed", bad="withdrawn", other="failed"),
    "hotel reservations": dict(people="guests", person="guest", events="reservations", event="reservation",
                               value="price", value_words="price in euros", date="check_in", good="stayed",
                               bad="cancelled", other="booked"),
    "bike sharing trips": dict(people="riders", person="rider", events="trips", event="trip", value="cost",
                               value_words="cost in euros", date="started_on", good="completed", bad="aborted",
                               other="disputed"),
    "food delivery": dict(people="diners", person="diner", events="deliveries", event="delivery", value="tip",
                          value_words="courier tip in cents", date="ordered_on", good="delivered", bad="refunded",
                          other="late"),
    "gym class attendance": dict(people="trainees", person="trainee", events="sessions", event="class session",
                                 value="fee", value_words="drop-in fee in euros", date="held_on", good="attended",
                                 bad="missed", other="waitlisted"),
    "music streaming": dict(people="listeners", person="listener", events="plays", event="play", value="seconds",
                            value_words="seconds played", date="played_on", good="completed", bad="skipped",
                            other="paused"),
}

CITIES = ["Lyon", "Porto", "Graz"]
NAMES = ["Ada", "Bruno", "Chloe", "Dmitri", "Elif", "Farah", "Gus"]


def fk(v):
    return v["person"].replace(" ", "_") + "_id"


def schema_sql(v):
    return (f"CREATE TABLE {v['people']} (\n  id   INTEGER PRIMARY KEY,\n  name TEXT NOT NULL,\n  city TEXT NOT NULL\n);\n\n"
            f"CREATE TABLE {v['events']} (\n  id {' ' * max(0, len(fk(v)) - 2)}INTEGER PRIMARY KEY,\n"
            f"  {fk(v)} INTEGER NOT NULL REFERENCES {v['people']}(id),\n"
            f"  {v['date']} TEXT NOT NULL,   -- 'YYYY-MM-DD'\n"
            f"  {v['value']} INTEGER NOT NULL,\n"
            f"  status TEXT NOT NULL CHECK (status IN ('{v['good']}', '{v['bad']}', '{v['other']}'))\n);\n")


def seed_sql(v, rnd):
    people = [(i + 1, NAMES[i], CITIES[i % 3]) for i in range(len(NAMES))]
    lines = [f"INSERT INTO {v['people']} (id, name, city) VALUES"]
    lines.append(",\n".join(f"  ({i}, '{n}', '{c}')" for i, n, c in people) + ";")
    lines.append("")
    rows = []
    eid = 1
    # Gus (7) has no events at all: the row a careless inner join drops
    # the counts include exactly two (so 'more than two' and 'at least two' differ) and one single event
    for pid, n in zip(range(1, 7), [4, 2, 5, 1, 3, 2]):
        for _ in range(n):
            year = rnd.choice([2023, 2024, 2024])
            date = f"{year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
            status = rnd.choice([v["good"], v["good"], v["good"], v["bad"], v["other"]])
            rows.append((eid, pid, date, rnd.randint(1, 60) * 5, status))
            eid += 1
    lines.append(f"INSERT INTO {v['events']} (id, {fk(v)}, {v['date']}, {v['value']}, status) VALUES")
    lines.append(",\n".join(f"  ({a}, {b}, '{c}', {d}, '{e}')" for a, b, c, d, e in rows) + ";")
    return "\n".join(lines) + "\n"


# angle -> (title, question, tags, reference, wrong, why the wrong query is wrong); {x} from the vocabulary
ANGLES = {
    "left join": ("{Events} per {person}, none included",
                  "How many {events} does each {person} have? Return name and {event_n}_count for every {person}, "
                  "including {people} with no {events} (count 0), ordered by {event_n}_count descending, then name.",
                  ["left-join", "count"],
                  "SELECT p.name, COUNT(e.id) AS {event_n}_count\nFROM {people} p\nLEFT JOIN {events} e ON e.{fk} = p.id\n"
                  "GROUP BY p.id\nORDER BY {event_n}_count DESC, p.name;",
                  "SELECT p.name, COUNT(*) AS {event_n}_count\nFROM {people} p\nJOIN {events} e ON e.{fk} = p.id\n"
                  "GROUP BY p.id\nORDER BY {event_n}_count DESC, p.name;",
                  "the inner join drops the {person} with no {events}"),
    "filtered sum": ("Total {value} of {good} {events} per {person}",
                     "What is the total {value_words} of each {person}'s {events} with status '{good}'? Return name and "
                     "total_{value} for every {person} with at least one such {event}, ordered by total_{value} "
                     "descending, then name.",
                     ["join", "sum", "filter"],
                     "SELECT p.name, SUM(e.{value}) AS total_{value}\nFROM {people} p\nJOIN {events} e ON e.{fk} = p.id\n"
                     "WHERE e.status = '{good}'\nGROUP BY p.id\nORDER BY total_{value} DESC, p.name;",
                     "SELECT p.name, SUM(e.{value}) AS total_{value}\nFROM {people} p\nJOIN {events} e ON e.{fk} = p.id\n"
                     "GROUP BY p.id\nORDER BY total_{value} DESC, p.name;",
                     "it forgets the status filter"),
    "anti join": ("{People} who never had a {good} {event}",
                  "Which {people} have no {event} with status '{good}' at all (including {people} with no {events})? "
                  "Return name and city, ordered by name.",
                  ["anti-join", "not-exists"],
                  "SELECT p.name, p.city\nFROM {people} p\nWHERE NOT EXISTS (\n  SELECT 1 FROM {events} e\n"
                  "  WHERE e.{fk} = p.id AND e.status = '{good}'\n)\nORDER BY p.name;",
                  "SELECT p.name, p.city\nFROM {people} p\nJOIN {events} e ON e.{fk} = p.id\n"
                  "WHERE e.status <> '{good}'\nGROUP BY p.id\nORDER BY p.name;",
                  "it lists {people} with any other {event} and misses those with none"),
    "top n": ("Top three {people} by {value}",
              "Which three {people} have the highest total {value_words} over all their {events}, whatever the status? "
              "Return name and total_{value}, highest first, ties broken by name; return exactly three rows.",
              ["aggregation", "order-by", "limit"],
              "SELECT p.name, SUM(e.{value}) AS total_{value}\nFROM {people} p\nJOIN {events} e ON e.{fk} = p.id\n"
              "GROUP BY p.id\nORDER BY total_{value} DESC, p.name\nLIMIT 3;",
              "SELECT p.name, MAX(e.{value}) AS total_{value}\nFROM {people} p\nJOIN {events} e ON e.{fk} = p.id\n"
              "GROUP BY p.id\nORDER BY total_{value} DESC, p.name\nLIMIT 3;",
              "it ranks by the single largest {event}, not the total"),
    "city average": ("Average {value} per city",
                     "For each city, what is the average {value_words} of the {events} with status '{good}' made by "
                     "{people} living there? Return city and avg_{value} rounded to two decimals, ordered by city.",
                     ["join", "avg", "round"],
                     "SELECT p.city, ROUND(AVG(e.{value}), 2) AS avg_{value}\nFROM {people} p\n"
                     "JOIN {events} e ON e.{fk} = p.id\nWHERE e.status = '{good}'\nGROUP BY p.city\nORDER BY p.city;",
                     "SELECT p.city, ROUND(AVG(e.{value}), 2) AS avg_{value}\nFROM {people} p\n"
                     "JOIN {events} e ON e.{fk} = p.id\nGROUP BY p.city\nORDER BY p.city;",
                     "it averages over every status"),
    "having": ("{People} with more than two {events}",
               "Which {people} have more than two {events} of any status? Return name and {event_n}_count, ordered by "
               "{event_n}_count descending, then name.",
               ["group-by", "having"],
               "SELECT p.name, COUNT(*) AS {event_n}_count\nFROM {people} p\nJOIN {events} e ON e.{fk} = p.id\n"
               "GROUP BY p.id\nHAVING COUNT(*) > 2\nORDER BY {event_n}_count DESC, p.name;",
               "SELECT p.name, COUNT(*) AS {event_n}_count\nFROM {people} p\nJOIN {events} e ON e.{fk} = p.id\n"
               "GROUP BY p.id\nHAVING COUNT(*) >= 2\nORDER BY {event_n}_count DESC, p.name;",
               "'more than two' is not 'at least two'"),
    "monthly": ("{Events} per month of 2024",
                "How many {events} fall in each month of 2024, by {date}? Return month as 'YYYY-MM' and "
                "{event_n}_count, for months with at least one {event}, ordered by month.",
                ["date-functions", "group-by"],
                "SELECT strftime('%Y-%m', {date}) AS month, COUNT(*) AS {event_n}_count\nFROM {events}\n"
                "WHERE {date} >= '2024-01-01' AND {date} < '2025-01-01'\nGROUP BY month\nORDER BY month;",
                "SELECT strftime('%Y-%m', {date}) AS month, COUNT(*) AS {event_n}_count\nFROM {events}\n"
                "GROUP BY strftime('%m', {date})\nORDER BY month;",
                "it groups months of both years together"),
    "conditional share": ("Share of {bad} {events} per city",
                          "In each city, what share of the {events} of {people} living there have status '{bad}'? "
                          "Return city and {bad_n}_share as a fraction rounded to two decimals, for cities with at "
                          "least one {event}, ordered by {bad_n}_share descending, then city.",
                          ["conditional-aggregation", "round"],
                          "SELECT p.city,\n       ROUND(1.0 * SUM(CASE WHEN e.status = '{bad}' THEN 1 ELSE 0 END) / COUNT(*), 2) AS {bad_n}_share\n"
                          "FROM {people} p\nJOIN {events} e ON e.{fk} = p.id\nGROUP BY p.city\n"
                          "ORDER BY {bad_n}_share DESC, p.city;",
                          "SELECT p.city,\n       SUM(CASE WHEN e.status = '{bad}' THEN 1 ELSE 0 END) / COUNT(*) AS {bad_n}_share\n"
                          "FROM {people} p\nJOIN {events} e ON e.{fk} = p.id\nGROUP BY p.city\n"
                          "ORDER BY {bad_n}_share DESC, p.city;",
                          "integer division makes every share 0"),
    "latest": ("Latest {event} of each {person}",
               "When was each {person}'s most recent {event}, by {date}? Return name and last_{date} for every "
               "{person} with at least one {event}, ordered by last_{date} descending, then name.",
               ["aggregation", "max", "dates"],
               "SELECT p.name, MAX(e.{date}) AS last_{date}\nFROM {people} p\nJOIN {events} e ON e.{fk} = p.id\n"
               "GROUP BY p.id\nORDER BY last_{date} DESC, p.name;",
               "SELECT p.name, MIN(e.{date}) AS last_{date}\nFROM {people} p\nJOIN {events} e ON e.{fk} = p.id\n"
               "GROUP BY p.id\nORDER BY last_{date} DESC, p.name;",
               "MIN gives the first {event}, not the latest"),
    "above average": ("{Events} above the average {value}",
                      "Which {events} have a {value_words} above the average over all {events}? Return the {event}'s "
                      "id, the {person}'s name and the {value}, ordered by {value} descending, then id.",
                      ["subquery", "avg"],
                      "SELECT e.id, p.name, e.{value}\nFROM {events} e\nJOIN {people} p ON p.id = e.{fk}\n"
                      "WHERE e.{value} > (SELECT AVG({value}) FROM {events})\nORDER BY e.{value} DESC, e.id;",
                      "SELECT e.id, p.name, e.{value}\nFROM {events} e\nJOIN {people} p ON p.id = e.{fk}\n"
                      "WHERE e.{value} > (SELECT AVG({value}) FROM {events} WHERE status = '{good}')\n"
                      "   OR e.{value} = (SELECT MIN({value}) FROM {events})\nORDER BY e.{value} DESC, e.id;",
                      "it compares against the wrong average and lets the cheapest {event} through"),
    "distinct count": ("{People} with a {good} {event}, per city",
                       "In each city, how many different {people} had at least one {event} with status '{good}'? "
                       "Return city and {people_n}, ordered by {people_n} descending, then city; leave out cities "
                       "with none.",
                       ["count-distinct", "join"],
                       "SELECT p.city, COUNT(DISTINCT p.id) AS {people_n}\nFROM {people} p\n"
                       "JOIN {events} e ON e.{fk} = p.id\nWHERE e.status = '{good}'\nGROUP BY p.city\n"
                       "ORDER BY {people_n} DESC, p.city;",
                       "SELECT p.city, COUNT(*) AS {people_n}\nFROM {people} p\n"
                       "JOIN {events} e ON e.{fk} = p.id\nWHERE e.status = '{good}'\nGROUP BY p.city\n"
                       "ORDER BY {people_n} DESC, p.city;",
                       "COUNT(*) counts {events}, not different {people}"),
}

# (topic index + angle index) % 5 == 1: expected.csv at attempt 1 misses the last row (EXPECTED_MISMATCH);
# == 3: wrong.sql at attempt 1 only reorders the rows (NOT_DISCRIMINATING). Both are fixed at attempt 2.
RETRIES = {1: "expected", 3: "order-only"}


def slug(s):
    return re.sub(r"^-+|-+$", "", re.sub(r"[^a-z0-9]+", "-", s.lower()))


def words(v):
    w = dict(v)
    w["fk"] = fk(v)
    w["event_n"] = v["event"].replace(" ", "_")
    w["people_n"] = v["people"]
    w["bad_n"] = v["bad"].replace("-", "_")
    w["Events"] = v["events"].capitalize()
    w["People"] = v["people"].capitalize()
    return w


def fill(template, w):
    return template.format(**w)


def run_csv(db, sql):
    out = subprocess.run(["sqlite3", "-safe", "-readonly", "-bail", "-csv", "-header", db], input=sql,
                         capture_output=True, text=True, check=True)
    if out.stderr:
        raise SystemExit(f"query failed: {out.stderr}\n{sql}")
    return out.stdout.replace("\r", "")


def file_block(path, content):
    return f'<file path="{path}">\n{content.rstrip()}\n</file>\n'


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    count = 0
    for ti, (topic, v) in enumerate(TOPICS.items()):
        w = words(v)
        rnd = random.Random(f"sql-quiz/{topic}")
        schema, seed = schema_sql(v), seed_sql(v, rnd)
        topic_dir = os.path.join(REPLIES, slug(topic))
        with tempfile.TemporaryDirectory() as tmp:
            db = os.path.join(tmp, "item.db")
            subprocess.run(["sqlite3", "-bail", db], input=schema + seed, text=True, check=True)
            for ai, (angle, (title, question, tags, ref, wrong, why)) in enumerate(ANGLES.items()):
                reference, wrong_sql = fill(ref, w), fill(wrong, w)
                expected, wrong_out = run_csv(db, reference), run_csv(db, wrong_sql)
                if len(expected.splitlines()) < 2:
                    raise SystemExit(f"{topic}/{angle}: the reference query returns no rows")
                if sorted(expected.splitlines()[1:]) == sorted(wrong_out.splitlines()[1:]):
                    raise SystemExit(f"{topic}/{angle}: wrong.sql gives the same rows; change the data or the mistake")
                d = os.path.join(topic_dir, slug(angle))
                shutil.rmtree(d, ignore_errors=True)
                item = ('{\n  "title": "%s",\n  "question": "%s",\n  "difficulty": "{{difficulty}}",\n  "tags": [%s]\n}'
                        % (fill(title, w), fill(question, w), ", ".join(f'"{t}"' for t in tags)))
                write(os.path.join(d, "describe-1.md"), f"An item about {topic} that tests {angle.replace('-', ' ')}.\n\n"
                      + file_block("item.json", item))
                write(os.path.join(d, "database-1.md"), f"Two tables: {v['people']} and their {v['events']}. "
                      f"{NAMES[6]} has no {v['events']} at all, and every status occurs, so careless queries go wrong.\n\n"
                      + file_block("schema.sql", schema) + "\n" + file_block("seed.sql", seed))
                final = (f"The reference answers the question as asked; wrong.sql is a realistic mistake: "
                         f"{fill(why, w)}.\n\n" + file_block("reference.sql", reference) + "\n"
                         + file_block("wrong.sql", wrong_sql) + "\n" + file_block("expected.csv", expected))
                retry = RETRIES.get((ti + ai) % 5)
                if retry == "expected":
                    short = "\n".join(expected.splitlines()[:-1]) if len(expected.splitlines()) > 2 else "name\n"
                    write(os.path.join(d, "queries-1.md"), "Here are the queries; I worked out the result by hand.\n\n"
                          + file_block("reference.sql", reference) + "\n" + file_block("wrong.sql", wrong_sql) + "\n"
                          + file_block("expected.csv", short + "\n"))
                    write(os.path.join(d, "queries-2.md"), "Right, I left out the last row of the result. " + final)
                elif retry == "order-only":
                    reordered = reference.replace("ORDER BY", "ORDER BY 1 DESC,", 1) if "ORDER BY" in reference else reference
                    write(os.path.join(d, "queries-1.md"), "Here are the queries.\n\n" + file_block("reference.sql", reference)
                          + "\n" + file_block("wrong.sql", reordered) + "\n" + file_block("expected.csv", expected))
                    write(os.path.join(d, "queries-2.md"), "Agreed, ordering differently is not a different answer. " + final)
                else:
                    write(os.path.join(d, "queries-1.md"), final)
                write(os.path.join(d, "queries.judge.answerable-1.md"),
                      "SCORE: 0.9\nFEEDBACK: The question names its columns, filters, order and rounding, and the "
                      "reference query answers exactly that on this schema.\n")
                write(os.path.join(d, "review-1.md"), f"Well posed. The data has the rows that matter here "
                      f"({fill(why, w)} shows on it). No changes requested.\n")
                count += 1
    print(f"wrote {count} generated items under {REPLIES}")


if __name__ == "__main__":
    main()
