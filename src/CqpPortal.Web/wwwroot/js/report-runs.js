// Runs page: while the server says a run is queued or running, asks it for the runs every 2 seconds and updates the
// rows in place (state, progress, duration, files once succeeded). The server's "running" decides when to stop and what
// the page says, not the rows on screen (a run queued after the page was drawn has no row; the rows once decided that the
// page kept saying runs were going on after all were « Terminé »). Without JavaScript, a refresh of the page shows the same.
(function () {
    'use strict';
    const table = document.getElementById('runs');
    if (!table) return;
    const live = document.getElementById('runs-live');
    const refresh = document.getElementById('runs-refresh');
    const activeStates = ['Queued', 'Running'];

    function isActive(row) { return activeStates.includes(row.dataset.state); }

    function fileList(run) {
        const list = document.createElement('ul');
        list.className = 'plain';
        for (const file of run.files) {
            const item = document.createElement('li');
            const link = document.createElement('a');
            link.href = file.url;
            link.download = file.fileName;
            link.textContent = file.fileName;
            item.append(link, ` (${file.size})`);
            list.append(item);
        }
        return list;
    }

    function update(run) {
        const row = table.querySelector(`tr[data-run="${run.id}"]`);
        if (!row) return;
        const before = row.dataset.state;
        row.dataset.state = run.state;
        row.querySelector('.run-state').textContent = run.stateLabel;
        const progress = row.querySelector('progress');
        progress.value = run.progress;
        progress.textContent = `${run.progress} %`;
        row.querySelector('.run-progress-text').textContent = `${run.progress} %` + (run.step && run.state !== 'Succeeded' ? ` – ${run.step}` : '');
        row.querySelector('.run-duration').textContent = run.duration;
        if (before === run.state) return;
        const files = row.querySelector('.run-files');
        if (run.state === 'Succeeded') {
            files.replaceChildren(fileList(run));
            live.textContent = `Rapport n° ${run.id} (${run.kindLabel}, ${run.parameters}) terminé : fichiers disponibles.`;
        } else if (run.state === 'Failed') {
            const error = document.createElement('span');
            error.className = 'field-error';
            error.textContent = run.error || '';
            files.replaceChildren(error);
            live.textContent = `Rapport n° ${run.id} en échec : ${run.error || ''}`;
        }
    }

    function say(running) {
        if (refresh) refresh.textContent = running
            ? 'Des rapports sont en cours : l\'avancement se met à jour tout seul (sans JavaScript, actualisez la page).'
            : 'Aucun rapport en cours.';
    }

    async function poll() {
        try {
            const response = await fetch(table.dataset.stateUrl, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
            if (response.ok) {
                const state = await response.json();
                state.runs.forEach(update);
                say(state.running);
                if (!state.running) return;
            }
        } catch (e) {
            // The network failed for a moment: the next poll tries again.
        }
        window.setTimeout(poll, 2000);
    }

    if (table.dataset.active === 'true' || [...table.querySelectorAll('tbody tr')].some(isActive)) window.setTimeout(poll, 1000);
})();
