document.getElementById('root')!.textContent = 'Prakerja Office';
