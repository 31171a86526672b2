module.exports = require('../../jest.preset')(__dirname, 'plugin-sdk');
