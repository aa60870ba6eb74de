package dev.scenarist.packs.yaml.internal.checks;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a judge answered: a score in [0,1] with feedback, or a reply that could not be read (and exactly why).
 *
 * <p>The reply must contain a line {@code SCORE: <number>} — 0..1, or 0..10 (divided by ten), or {@code n/10} —
 * and may contain {@code FEEDBACK: <text>} (to the end of the reply). Markdown emphasis around the label is
 * tolerated ({@code **Score:** 8/10}). When several SCORE lines appear, the last one counts: models restate the
 * scale before giving their verdict.
 */
public sealed interface JudgeReply {
    record Scored(double score, String feedback) implements JudgeReply {}

    record Unreadable(String problem) implements JudgeReply {}

    Pattern SCORE = Pattern.compile("(?im)^[\\s>*_#-]*score[*_\\s]*[:=][*_\\s]*([0-9]+(?:[.,][0-9]+)?)\\s*(?:/\\s*([0-9]+))?");
    Pattern FEEDBACK = Pattern.compile("(?is)^[\\s>*_#-]*feedback[*_\\s]*:[*_\\s]*(.*)", Pattern.MULTILINE);

    static JudgeReply parse(String reply) {
        if (reply == null || reply.isBlank()) {
            return new Unreadable("the judge's reply was empty; it must contain a line 'SCORE: <number from 0 to 1>'");
        }
        Matcher m = SCORE.matcher(reply);
        String number = null;
        String denominator = null;
        int scoreLineStart = -1;
        int scoreLineEnd = -1;
        while (m.find()) {
            number = m.group(1);
            denominator = m.group(2);
            scoreLineStart = m.start();
            scoreLineEnd = reply.indexOf('\n', m.end()) < 0 ? reply.length() : reply.indexOf('\n', m.end());
        }
        if (number == null) {
            String start = reply.strip().lines().findFirst().orElse("");
            return new Unreadable("the judge's reply has no line 'SCORE: <number from 0 to 1>' (it began: '"
                    + (start.length() > 80 ? start.substring(0, 77) + "..." : start) + "')");
        }
        double raw = Double.parseDouble(number.replace(',', '.'));
        double score;
        if (denominator != null) {
            double d = Double.parseDouble(denominator);
            if (d <= 0 || raw > d) return new Unreadable("the judge's score '" + number + "/" + denominator + "' is not a fraction from 0 to 1");
            score = raw / d;
        } else if (raw <= 1.0) {
            score = raw;
        } else if (raw <= 10.0) {
            score = raw / 10.0;
        } else {
            return new Unreadable("the judge's SCORE " + number + " is outside both scales 0..1 and 0..10");
        }
        Matcher f = FEEDBACK.matcher(reply);
        String feedback = f.find() ? f.group(1).strip()
                : (reply.substring(0, scoreLineStart) + reply.substring(scoreLineEnd)).strip();
        return new Scored(score, feedback);
    }

    static String format(double score) {
        return String.format(Locale.ROOT, "%.2f", score);
    }
}
