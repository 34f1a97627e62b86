/* The exported HTML report's filters (iprules.report.html): they only hide case sections and
   findings, so without this script everything shows. The filter is in the address after '#'
   (report.html#verdict=violation&clause=s2.0), so a link can carry it. */
(function () {
  var form = document.getElementById('filters');
  var line = document.getElementById('filter-line');
  if (!form || !line) { return; }
  var words = JSON.parse(form.getAttribute('data-words'));
  var names = ['verdict', 'clause', 'unit', 'first_responder', 'handler'];
  var roles = ['unit', 'first_responder', 'handler'];
  var selects = {};
  names.forEach(function (name) { selects[name] = document.getElementById('f-' + name); });
  var cases = Array.prototype.slice.call(document.querySelectorAll('section.case'));
  var total = document.querySelectorAll('article.finding').length;
  form.hidden = false;

  function offered(name, value) {
    return Array.prototype.some.call(selects[name].options, function (o) { return o.value === value; });
  }
  function wanted() {
    var asked = new URLSearchParams(location.hash.slice(1)), found = {};
    names.forEach(function (name) {
      var value = asked.get(name);
      if (value && offered(name, value)) { found[name] = value; }
    });
    return found;
  }
  function apply(filter) {
    var shown = 0;
    names.forEach(function (name) { selects[name].value = filter[name] || ''; });
    cases.forEach(function (section) {
      var named = JSON.parse(section.getAttribute('data-names'));
      var caseOk = roles.every(function (role) {
        return !filter[role] || (named[role] || []).indexOf(filter[role]) >= 0;
      });
      var any = false;
      section.querySelectorAll('article.finding').forEach(function (finding) {
        var ok = caseOk && (!filter.verdict || finding.getAttribute('data-verdict') === filter.verdict) &&
          (!filter.clause || finding.getAttribute('data-clauses').split(' ').indexOf(filter.clause) >= 0);
        finding.hidden = !ok;
        if (ok) { shown++; any = true; }
      });
      section.hidden = !any;
    });
    var parts = names.filter(function (name) { return filter[name]; }).map(function (name) {
      var select = selects[name];
      return words.fields[name] + '=' + select.options[select.selectedIndex].textContent.trim();
    });
    line.textContent = parts.length
      ? words.on + parts.join(words.sep) + words.shown.replace('{shown}', shown).replace('{total}', total)
      : words.none.replace('{total}', total);
    line.classList.toggle('on', parts.length > 0);
    if (parts.length) {
      var clear = document.createElement('a');
      clear.href = '#by-case';
      clear.className = 'clear';
      clear.textContent = words.clear;
      clear.addEventListener('click', function () { names.forEach(function (n) { selects[n].value = ''; }); choose(); });
      line.appendChild(document.createTextNode(' '));
      line.appendChild(clear);
    }
  }
  function fromAddress(scroll) {
    if (location.hash.length > 1 && location.hash.indexOf('=') < 0) { return; } // an anchor, not a filter
    var filter = wanted();
    apply(filter);
    if (scroll && Object.keys(filter).length) { document.getElementById('by-case').scrollIntoView(); }
  }
  function choose() {
    var asked = new URLSearchParams();
    names.forEach(function (name) { if (selects[name].value) { asked.set(name, selects[name].value); } });
    var hash = asked.toString();
    if (hash) {
      location.hash = hash;
    } else {
      history.replaceState(null, '', location.pathname + location.search);
      apply({});
    }
  }
  names.forEach(function (name) { selects[name].addEventListener('change', choose); });
  document.getElementById('f-clear').addEventListener('click', function () {
    names.forEach(function (name) { selects[name].value = ''; });
    choose();
  });
  window.addEventListener('hashchange', function () { fromAddress(true); });
  fromAddress(false);
  // a printed report shows what is folded on screen (scope, warnings), then folds it again
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details:not([open])').forEach(function (d) { d.open = true; d.dataset.folded = '1'; });
  });
  window.addEventListener('afterprint', function () {
    document.querySelectorAll('details[data-folded]').forEach(function (d) { d.open = false; delete d.dataset.folded; });
  });
})();
