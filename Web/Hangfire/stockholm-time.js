/* Sourcing: the job dashboard shows Swedish time (Europe/Stockholm), as every other page does,
   whatever time zone the browser or the server runs in (issue 17). Hangfire formats times with
   moment.js in the browser's zone; every moment it makes is moved to Stockholm's offset. */
(function () {
    if (!window.moment || !window.Intl) { return; }
    var original = window.moment;
    var parts = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Stockholm', hourCycle: 'h23',
        year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit'
    });
    function stockholmOffset(date) {
        var p = {};
        parts.formatToParts(date).forEach(function (x) { p[x.type] = x.value; });
        var asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute, +p.second);
        return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000);
    }
    var wrapped = function () {
        var m = original.apply(this, arguments);
        if (m && m.isValid && m.isValid()) { m.utcOffset(stockholmOffset(m.toDate())); }
        return m;
    };
    Object.keys(original).forEach(function (key) { wrapped[key] = original[key]; });
    wrapped.prototype = original.prototype;
    wrapped.fn = original.fn;
    window.moment = wrapped;
    original.locale('sv');
})();
