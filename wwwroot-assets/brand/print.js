// Print links ([data-print]) on the statically rendered account pages, which may run no inline script.
document.addEventListener('click', e => {
    if (!e.target.closest('[data-print]')) return;
    e.preventDefault();
    window.print();
});
